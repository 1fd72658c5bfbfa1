'use client';

import { useActionState } from 'react';
import { NOT_SENT, type FormResult } from '@/lib/forms';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextAreaField } from '@/components/ui/text-area';

type Action = (previous: FormResult, form: FormData) => Promise<FormResult>;

export function DischargeForm({ action, suggestedSummary }: { action: Action; suggestedSummary: string }) {
  const [state, formAction] = useActionState(action, NOT_SENT);
  return (
    <form action={formAction} key={JSON.stringify(state.values ?? null)} className="space-y-3">
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <TextAreaField label="Discharge summary" name="summary" rows={5} maxLength={2000} result={state} defaultValue={suggestedSummary} hint="Shown in the record. The outcome figures above are kept with the episode." />
      <CheckboxField name="confirm" label="Discharge this patient (the record becomes read-only)" result={state} />
      <SubmitButton variant="danger" pendingText="Discharging…">Discharge</SubmitButton>
    </form>
  );
}
