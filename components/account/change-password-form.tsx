'use client';

import { useActionState } from 'react';
import { NOT_SENT } from '@/lib/forms';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { NewPasswordFields } from './new-password-fields';
import { changePasswordAction } from '@/lib/account/security-actions';

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action] = useActionState(changePasswordAction, NOT_SENT);
  const fieldErrors = state.ok ? undefined : state.fieldErrors;
  return (
    <form action={action} className="space-y-5" noValidate>
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <input type="hidden" name="username" value={email} autoComplete="username" />
      <TextField label="Current password" name="current" type="password" autoComplete="current-password" required errors={fieldErrors?.current} />
      <NewPasswordFields confirmLabel="Type the new password again" errors={fieldErrors} />
      <SubmitButton pendingText="Saving…">Change password</SubmitButton>
    </form>
  );
}
