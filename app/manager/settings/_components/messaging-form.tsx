'use client';

import { useActionState } from 'react';
import { refusalOf } from '@/components/ui/field-result';
import { FormOutcome } from '@/components/ui/form-alert';
import { NumberField } from '@/components/ui/number-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { MESSAGE_REPLY_DAYS_LIMITS } from '@/lib/messages/limits';
import { NOT_SENT, valueOf } from '@/lib/forms';
import { updateMessageSettingsAction } from '../messaging-actions';

export function MessagingForm({ replyWorkingDays, readOnlyAfterDischarge }: { replyWorkingDays: number; readOnlyAfterDischarge: boolean }) {
  const [state, action] = useActionState(updateMessageSettingsAction, NOT_SENT);
  const errors = state.ok ? undefined : state.fieldErrors;
  const sentReadOnly = state.ok ? undefined : valueOf(state, 'readOnlyAfterDischarge');
  const readOnly = sentReadOnly ? sentReadOnly === 'on' : readOnlyAfterDischarge;
  return (
    <form action={action} className="space-y-4" noValidate key={JSON.stringify(state.values ?? {})}>
      <FormOutcome result={state} saved="Message settings saved." />
      <NumberField
        label="Working days to answer a patient’s message"
        name="messageReplyWorkingDays"
        className="max-w-xs"
        hint={`From ${MESSAGE_REPLY_DAYS_LIMITS.min} to ${MESSAGE_REPLY_DAYS_LIMITS.max}. Patients read “Your care team answers messages within this many working days” as they write.`}
        value={replyWorkingDays}
        result={refusalOf(state)}
      />
      <fieldset>
        <legend className="text-sm font-medium">After a patient is discharged</legend>
        <div className="mt-2 space-y-2">
          <label className="flex min-h-11 items-center gap-3">
            <input type="radio" name="readOnlyAfterDischarge" value="on" defaultChecked={readOnly} className="h-5 w-5" />
            Messages can be read but not written (recommended)
          </label>
          <label className="flex min-h-11 items-center gap-3">
            <input type="radio" name="readOnlyAfterDischarge" value="off" defaultChecked={!readOnly} className="h-5 w-5" />
            Patient and care team can keep writing
          </label>
        </div>
        {errors?.readOnlyAfterDischarge ? <p className="mt-1 text-sm font-medium text-red-800">{errors.readOnlyAfterDischarge[0]}</p> : null}
      </fieldset>
      <SubmitButton pendingText="Saving…">Save message settings</SubmitButton>
    </form>
  );
}
