'use client';

import { useActionState } from 'react';
import { NOT_SENT } from '@/lib/forms';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { NewPasswordFields } from './new-password-fields';
import { setPasswordAction } from '@/lib/account/set-password-actions';

export function SetPasswordForm({ kind, token, email }: { kind: 'invite' | 'reset'; token: string; email: string }) {
  const [state, action] = useActionState(setPasswordAction, NOT_SENT);
  const fieldErrors = state.ok ? undefined : state.fieldErrors;
  return (
    <form action={action} className="space-y-5" noValidate>
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="username" value={email} autoComplete="username" />
      <NewPasswordFields confirmLabel="Type it again" errors={fieldErrors} />
      <SubmitButton pendingText="Saving…" className="w-full">
        Set password
      </SubmitButton>
    </form>
  );
}
