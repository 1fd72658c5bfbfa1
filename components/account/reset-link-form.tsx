'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { issueResetLinkAction } from '@/lib/account/security-actions';
import { NOT_SENT } from '@/lib/forms';

/**
 * Staff ask for a one-time reset link. A patient's link is shown to hand over (in person or by
 * phone). A staff member's link is emailed to them; when the clinic has no mail server the manager
 * confirms with their own authenticator code (`askCode`), the link is shown, and the person's
 * two-step sign-in is turned off until they set it up again (they are told when they next sign in).
 */
export function ResetLinkForm({ who, askCode }: { who: string; askCode: boolean }) {
  const [state, action] = useActionState(issueResetLinkAction, NOT_SENT);
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4" noValidate>
        {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
        <TextField label={`Email of the ${who}`} name="email" type="email" autoComplete="off" required errors={errors?.email} />
        {askCode ? (
          <TextField
            label="Your authenticator code (for staff accounts)"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            hint="This clinic has no mail server, so a staff member’s link is shown to you. Confirm it is you with the code from your own authenticator app. Their two-step sign-in is then turned off until they set it up again, and they are told who reset it."
            errors={errors?.code}
          />
        ) : null}
        <SubmitButton variant="secondary" pendingText="Creating link…">
          Create a reset link
        </SubmitButton>
      </form>
      {state.ok && state.data?.delivery === 'emailed' ? (
        <div role="status" className="rounded-xl border border-green-700 bg-green-50 p-4">
          <p className="font-semibold">Reset link emailed to {state.data.name}</p>
          <p className="mt-1 text-slate-800">
            It went to their own email address and works once, for one hour. Any earlier link for them has stopped working.
          </p>
        </div>
      ) : null}
      {state.ok && state.data?.delivery === 'link' ? (
        <div role="status" className="rounded-xl border border-green-700 bg-green-50 p-4">
          <p className="font-semibold">Reset link for {state.data.name}</p>
          <p className="mt-1 text-slate-800">Works once, for one hour. Any earlier link for this person has stopped working.</p>
          {state.data.secondFactorCleared ? (
            <p className="mt-1 text-slate-800">
              Their two-step sign-in is now off. They will set it up again when they next sign in, and will be told you reset it.
            </p>
          ) : null}
          <p className="mt-2 rounded bg-white px-3 py-2 font-mono text-sm break-all">{`${origin}${state.data.path}`}</p>
        </div>
      ) : null}
    </div>
  );
}
