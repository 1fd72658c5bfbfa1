'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import type { ActionResult } from '@/lib/errors';
import { changePasswordAction } from './security-actions';

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action] = useActionState<ActionResult, FormData>(changePasswordAction, { ok: true });
  const fieldErrors = state.ok ? undefined : state.fieldErrors;
  return (
    <form action={action} className="space-y-5" noValidate>
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <input type="hidden" name="username" value={email} autoComplete="username" />
      <TextField label="Current password" name="current" type="password" autoComplete="current-password" required errors={fieldErrors?.current} />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. A few words you will remember work well."
        required
        errors={fieldErrors?.password}
      />
      <TextField label="Type the new password again" name="confirm" type="password" autoComplete="new-password" required errors={fieldErrors?.confirm} />
      <SubmitButton pendingText="Saving…">Change password</SubmitButton>
    </form>
  );
}
