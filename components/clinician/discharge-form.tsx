'use client';

import { useActionState } from 'react';
import { NOT_SENT, type FormResult } from '@/lib/forms';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextAreaField } from '@/components/ui/text-area';

type Action = (previous: FormResult, form: FormData) => Promise<FormResult>;

export function DischargeForm({ action, suggestedSummary }: { action: Action; suggestedSummary: string }) {
  const [state, formAction] = useActionState(action, NOT_SENT);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} key={JSON.stringify(state.values ?? null)} className="space-y-3">
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <TextAreaField label="Discharge summary" name="summary" rows={5} maxLength={2000} result={state} defaultValue={suggestedSummary} hint="Shown in the record. The outcome figures above are kept with the episode." />
      <div>
        <label className="flex items-center gap-2 font-medium">
          <input type="checkbox" name="confirm" className="h-5 w-5" aria-describedby={errors.confirm ? 'confirm-error' : undefined} />
          Discharge this patient (the record becomes read-only)
        </label>
        {errors.confirm ? <p id="confirm-error" className="mt-1 text-sm font-medium text-red-800">{errors.confirm.join(' ')}</p> : null}
      </div>
      <SubmitButton variant="danger" pendingText="Discharging…">Discharge</SubmitButton>
    </form>
  );
}
