'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { issueResetLinkAction, type ResetLinkState } from './security-actions';

/**
 * Staff issue a one-time reset link and hand it over (in person, by phone or by their own email):
 * works without any mail server configured.
 */
export function ResetLinkForm({ who }: { who: string }) {
  const [state, action] = useActionState<ResetLinkState, FormData>(issueResetLinkAction, { ok: false });
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4" noValidate>
        {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
        <TextField label={`Email of the ${who}`} name="email" type="email" autoComplete="off" required errors={state.ok ? undefined : state.fieldErrors?.email} />
        <SubmitButton variant="secondary" pendingText="Creating link…">
          Create a reset link
        </SubmitButton>
      </form>
      {state.ok ? (
        <div role="status" className="rounded-xl border border-green-700 bg-green-50 p-4">
          <p className="font-semibold">Reset link for {state.data.name}</p>
          <p className="mt-1 text-slate-800">Works once, for one hour. Any earlier link for this person has stopped working.</p>
          <p className="mt-2 rounded bg-white px-3 py-2 font-mono text-sm break-all">{`${origin}${state.data.path}`}</p>
        </div>
      ) : null}
    </div>
  );
}
