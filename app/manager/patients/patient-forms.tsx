'use client';

import { useActionState } from 'react';
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
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <form action={action} className="space-y-4" noValidate>
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <input type="hidden" name="userId" value={userId} />
      <div>
        <label className="flex min-h-11 items-start gap-3">
          <input type="checkbox" name="confirm" className="mt-1 size-6" aria-invalid={errors?.confirm ? true : undefined} aria-describedby={errors?.confirm ? 'confirm-error' : undefined} />
          <span>
            Close {name}’s account. They can no longer sign in. Their clinical record is kept until {keptUntil} and then deleted.
          </span>
        </label>
        {errors?.confirm ? (
          <p id="confirm-error" className="mt-1 text-sm font-medium text-red-800">
            {errors.confirm.join(' ')}
          </p>
        ) : null}
      </div>
      <SubmitButton variant="danger" pendingText="Closing…">
        Close account
      </SubmitButton>
    </form>
  );
}
