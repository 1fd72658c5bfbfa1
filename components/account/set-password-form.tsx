'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import type { ActionResult } from '@/lib/errors';
import { setPasswordAction } from './actions';

export function SetPasswordForm({ kind, token, email }: { kind: 'invite' | 'reset'; token: string; email: string }) {
  const [state, action] = useActionState<ActionResult, FormData>(setPasswordAction, { ok: true });
  const fieldErrors = state.ok ? undefined : state.fieldErrors;
  return (
    <form action={action} className="space-y-5" noValidate>
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="username" value={email} autoComplete="username" />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. A few words you will remember work well."
        required
        errors={fieldErrors?.password}
      />
      <TextField label="Type it again" name="confirm" type="password" autoComplete="new-password" required errors={fieldErrors?.confirm} />
      <SubmitButton pendingText="Saving…" className="w-full">
        Set password
      </SubmitButton>
    </form>
  );
}
