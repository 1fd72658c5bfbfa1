'use client';

import { useActionState } from 'react';
import { NOT_SENT, valueOf } from '@/lib/forms';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { updateRetentionAction } from '../clinic-details-actions';

export function RetentionForm({ years }: { years: number }) {
  const [state, action] = useActionState(updateRetentionAction, NOT_SENT);
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <form action={action} className="space-y-4" noValidate>
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      {state.ok ? <FormAlert tone="success">Retention period saved.</FormAlert> : null}
      <TextField
        label="Years to keep a closed patient’s record"
        name="retentionYears"
        inputMode="numeric"
        autoComplete="off"
        className="max-w-xs"
        hint="From 1 to 100. UK guidance for adult records is 8 years; children’s records are kept at least until their 25th birthday whatever this says."
        defaultValue={valueOf(state, 'retentionYears') ?? String(years)}
        errors={errors?.retentionYears}
      />
      <SubmitButton pendingText="Saving…">Save retention period</SubmitButton>
    </form>
  );
}
