'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextAreaField } from '@/components/ui/text-area';
import { NOT_SENT, valueOf } from '@/lib/forms';
import { MOVE_NOTE_MAX } from '@/lib/validation/appointments';
import { requestVisitMoveAction } from './move-actions';

/** "Ask to move this visit": a note to the care team, sent as a secure message. */
export function MoveVisitForm({ appointmentId, submissionId, visitLabel }: { appointmentId: string; submissionId: string; visitLabel: string }) {
  const [state, action] = useActionState(requestVisitMoveAction, NOT_SENT);
  if (state.ok) {
    return (
      <FormAlert tone="success">
        Your request to move this visit was sent to your care team as a message. Your visit stays booked until they change it. <a href="/patient/messages" className="underline">See your messages</a>
      </FormAlert>
    );
  }
  return (
    <details className="rounded-lg border border-slate-300 p-3">
      <summary className="cursor-pointer text-lg text-brand-800 underline">
        Ask to move this visit<span className="sr-only"> on {visitLabel}</span>
      </summary>
      <form action={action} className="mt-3 space-y-3">
        <input type="hidden" name="submissionId" value={submissionId} />
        <input type="hidden" name="appointmentId" value={appointmentId} />
        {state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
        <TextAreaField
          label="What would suit you better? (optional)"
          name="note"
          maxLength={MOVE_NOTE_MAX}
          defaultValue={valueOf(state, 'note')}
          errors={state.fieldErrors?.note}
          size="large"
        />
        <SubmitButton pendingText="Sending…">Send request</SubmitButton>
      </form>
    </details>
  );
}
