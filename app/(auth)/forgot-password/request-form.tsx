'use client';

import { useActionState } from 'react';
import { NOT_SENT } from '@/lib/forms';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { requestResetAction } from './actions';

export function RequestResetForm() {
  const [state, action] = useActionState(requestResetAction, NOT_SENT);
  if (state.ok) {
    return (
      <FormAlert tone="success">
        If an Uplift account uses that address, we have emailed it a link to choose a new password. The link works once, for one hour. Check your spam folder if it
        has not arrived in a few minutes.
      </FormAlert>
    );
  }
  return (
    <form action={action} className="space-y-5" noValidate>
      <TextField label="Email" name="email" type="email" autoComplete="username" required errors={state.ok ? undefined : state.fieldErrors?.email} />
      <SubmitButton pendingText="Sending…" className="w-full">
        Email me a reset link
      </SubmitButton>
    </form>
  );
}
