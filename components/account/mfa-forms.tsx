'use client';

import { useActionState } from 'react';
import { NOT_SENT } from '@/lib/forms';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { RecoveryCodes } from './recovery-codes';
import { confirmMfaAction, disableMfaAction, regenerateCodesAction, startMfaAction } from '@/lib/account/security-actions';

export function StartMfaForm() {
  const [state, action] = useActionState(startMfaAction, NOT_SENT);
  return (
    <form action={action} className="space-y-3">
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <SubmitButton pendingText="Preparing…">Set up an authenticator app</SubmitButton>
    </form>
  );
}

/** Confirms the pending key with a first code; then shows the recovery codes and where to go next. */
export function ConfirmMfaForm({ continueHref }: { continueHref?: string }) {
  const [state, action] = useActionState(confirmMfaAction, NOT_SENT);
  if (state.ok && state.data) {
    return (
      <div className="space-y-4">
        <FormAlert tone="success">Two-step sign-in is on. From now on you will enter a code from your app when you sign in.</FormAlert>
        <RecoveryCodes codes={state.data.recoveryCodes} />
        <a href={continueHref ?? ''} className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-5 py-3 font-semibold text-white">
          I have saved my codes — continue
        </a>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <TextField
        label="6-digit code from the app"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        required
        errors={state.fieldErrors?.code}
      />
      <SubmitButton pendingText="Checking…">Turn on two-step sign-in</SubmitButton>
    </form>
  );
}

export function DisableMfaForm() {
  const [state, action] = useActionState(disableMfaAction, NOT_SENT);
  if (state.ok) return <FormAlert tone="success">Two-step sign-in is off.</FormAlert>;
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <TextField label="Your password, to turn it off" name="password" type="password" autoComplete="current-password" required errors={state.fieldErrors?.password} />
      <SubmitButton variant="secondary" pendingText="Turning off…">
        Turn off two-step sign-in
      </SubmitButton>
    </form>
  );
}

export function RegenerateCodesForm() {
  const [state, action] = useActionState(regenerateCodesAction, NOT_SENT);
  if (state.ok && state.data) return <RecoveryCodes codes={state.data.recoveryCodes} />;
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <TextField label="Your password, to make new codes" name="password" type="password" autoComplete="current-password" required errors={state.fieldErrors?.password} />
      <SubmitButton variant="secondary" pendingText="Making codes…">
        Make new recovery codes
      </SubmitButton>
    </form>
  );
}
