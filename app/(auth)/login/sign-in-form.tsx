'use client';

import { useActionState } from 'react';
import { TextField } from '@/components/ui/text-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { FormAlert } from '@/components/ui/form-alert';
import type { ActionResult } from '@/lib/errors';
import { signInAction } from './actions';

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action] = useActionState<ActionResult, FormData>(signInAction, { ok: true });
  const fieldErrors = state.ok ? undefined : state.fieldErrors;
  return (
    <form action={action} className="space-y-5" noValidate>
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ''} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required errors={fieldErrors?.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={fieldErrors?.password}
      />
      <SubmitButton pendingText="Signing in…" className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
