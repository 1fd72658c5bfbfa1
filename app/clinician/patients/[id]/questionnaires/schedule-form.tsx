'use client';

import { useActionState } from 'react';
import { NOT_SENT, type FormResult } from '@/lib/forms';
import { FormAlert, FormOutcome } from '@/components/ui/form-alert';
import { NumberField } from '@/components/ui/number-field';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';

type Action = (previous: FormResult, form: FormData) => Promise<FormResult>;

/** One questionnaire's schedule: on or off, weeks between, and an optional "please answer by" date. */
export function ScheduleForm({
  action,
  instrument,
  name,
  enabled,
  intervalWeeks,
  requestBy,
  today,
}: {
  action: Action;
  instrument: string;
  name: string;
  enabled: boolean;
  intervalWeeks: number | null;
  requestBy: string | null;
  today: string;
}) {
  const [state, formAction] = useActionState(action, NOT_SENT);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} key={JSON.stringify(state.values ?? null) + String(state.ok)} className="space-y-3" noValidate>
      <input type="hidden" name="instrument" value={instrument} />
      <FormOutcome result={state} saved={`Schedule saved for ${name}.`} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          label="Ask the patient"
          name="enabled"
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No, switched off' },
          ]}
          defaultValue={enabled ? 'yes' : 'no'}
          result={state}
        />
        <NumberField size="compact" label="Weeks between (empty: once)" name="intervalWeeks" value={intervalWeeks} result={state} />
        <TextField
          size="compact"
          label="Ask by (optional)"
          name="requestBy"
          type="date"
          min={today}
          defaultValue={requestBy ?? ''}
          result={state}
        />
      </div>
      {errors.instrument ? <FormAlert>{errors.instrument.join(' ')}</FormAlert> : null}
      <SubmitButton variant="secondary">
        Save schedule<span className="sr-only"> for {name}</span>
      </SubmitButton>
    </form>
  );
}
