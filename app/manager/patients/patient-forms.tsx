'use client';

import { useActionState } from 'react';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { NOT_SENT } from '@/lib/forms';
import { closeAccountAction, findPatientAction } from './actions';

export function FindPatientForm() {
  const [state, action] = useActionState(findPatientAction, NOT_SENT);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <TextField label="Patient’s email address" name="email" type="email" autoComplete="off" className="min-w-64 flex-1" result={state} />
      <SubmitButton pendingText="Looking…" variant="secondary">
        Find patient
      </SubmitButton>
    </form>
  );
}

export function CloseAccountForm({ userId, name, keptUntil }: { userId: string; name: string; keptUntil: string }) {
  const [state, action] = useActionState(closeAccountAction, NOT_SENT);
  return (
    <form action={action} className="space-y-4" noValidate>
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <input type="hidden" name="userId" value={userId} />
      <CheckboxField
        name="confirm"
        label={`Close ${name}’s account. They can no longer sign in. Their clinical record is kept until ${keptUntil} and then deleted.`}
        result={state}
      />
      <SubmitButton variant="danger" pendingText="Closing…">
        Close account
      </SubmitButton>
    </form>
  );
}
