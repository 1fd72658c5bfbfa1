'use client';

import { useActionState, useState } from 'react';
import { TextField } from '@/components/ui/text-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { FormAlert } from '@/components/ui/form-alert';
import { NOT_SENT, valueOf } from '@/lib/forms';
import { signInAction } from './actions';

/**
 * Two steps in one form: email and password, then — for accounts with MFA — a code. The password
 * stays in this component's memory between the steps and is sent again with the code; the server
 * keeps no half-signed-in state.
 */
export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action] = useActionState(signInAction, NOT_SENT);
  const [credentials, setCredentials] = useState({ email: '', password: '' });
  const [useRecovery, setUseRecovery] = useState(false);
  const fieldErrors = state.ok ? undefined : state.fieldErrors;
  // A code refused as typed comes back without a step: the form it came from says which it was.
  const onCodeStep = (state.data?.step ?? valueOf(state, 'step')) === 'code';
  // Email and password are kept in memory as typed, for the code step to send again.
  const kept = (name: keyof typeof credentials) => ({
    name,
    required: true,
    value: credentials[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setCredentials((current) => ({ ...current, [name]: event.target.value })),
    errors: fieldErrors?.[name],
  });
  return (
    <form action={action} className="space-y-5" noValidate>
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ''} />
      {onCodeStep ? (
        <>
          <input type="hidden" name="step" value="code" />
          <input type="hidden" name="email" value={credentials.email} autoComplete="username" />
          <input type="hidden" name="password" value={credentials.password} />
          <p className="text-slate-800">
            Your account is protected with two-step sign-in.{' '}
            {useRecovery ? 'Enter one of the recovery codes you saved.' : 'Open your authenticator app and enter the 6-digit code for Uplift.'}
          </p>
          {useRecovery ? (
            <TextField label="Recovery code" name="recoveryCode" autoComplete="off" autoFocus required errors={fieldErrors?.recoveryCode} />
          ) : (
            <TextField
              label="Authentication code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]*"
              maxLength={7}
              autoFocus
              required
              errors={fieldErrors?.code}
            />
          )}
          <SubmitButton pendingText="Checking…" className="w-full">
            Verify and sign in
          </SubmitButton>
          <button
            type="button"
            onClick={() => setUseRecovery((value) => !value)}
            className="min-h-11 font-semibold text-brand-800 underline"
          >
            {useRecovery ? 'Use a code from my authenticator app' : 'Use a recovery code instead'}
          </button>
        </>
      ) : (
        <>
          <TextField label="Email" type="email" autoComplete="username" {...kept('email')} />
          <TextField label="Password" type="password" autoComplete="current-password" {...kept('password')} />
          <SubmitButton pendingText="Signing in…" className="w-full">
            Sign in
          </SubmitButton>
        </>
      )}
    </form>
  );
}
