'use client';

import { useActionState, useId } from 'react';
import { acknowledgeAlertAction } from '@/app/clinician/alerts/actions';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionResult } from '@/lib/errors';

export function AcknowledgeForm({ alertId, patientName }: { alertId: string; patientName: string }) {
  const [state, action] = useActionState<ActionResult, FormData>(acknowledgeAlertAction, { ok: true });
  const id = useId();
  const error = !state.ok ? state.fieldErrors?.comment?.join(' ') : undefined;
  return (
    <form action={action} className="mt-3 space-y-2">
      <input type="hidden" name="alertId" value={alertId} />
      <label htmlFor={`${id}-comment`} className="block text-sm font-medium">
        Comment (optional)
      </label>
      <textarea
        id={`${id}-comment`}
        name="comment"
        rows={2}
        maxLength={1000}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="block w-full rounded-md border border-slate-400 px-2 py-1 text-sm"
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <SubmitButton variant="secondary" pendingText="Acknowledging…" className="min-h-10 py-1 text-sm">
        Acknowledge<span className="sr-only"> alert for {patientName}</span>
      </SubmitButton>
    </form>
  );
}
