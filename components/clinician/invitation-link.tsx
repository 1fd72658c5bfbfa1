'use client';

import { useActionState, useState, useSyncExternalStore } from 'react';
import { NOT_SENT, type FormResult } from '@/lib/forms';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';

/** A one-time link as an action answers with it. */
export type InvitationLink = { path: string; expiresAt: string };

const noSubscription = () => () => {};

/** Shows a one-time link with its expiry and a copy button. The link is never stored or shown again. */
export function InvitationLinkBox({ path, expiresText }: { path: string; expiresText: string }) {
  // The server does not know which host name the clinician used; the browser does.
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => '');
  const [copied, setCopied] = useState(false);
  const url = `${origin}${path}`;
  return (
    <div className="space-y-2 rounded-xl border border-brand-700 bg-brand-50 p-4">
      <p className="font-semibold">One-time invitation link</p>
      <p className="text-sm">Give this link to the patient (for example by secure email). It works once and expires {expiresText}. It will not be shown again.</p>
      <label htmlFor="invitation-link" className="block text-sm font-medium">Invitation link</label>
      <input id="invitation-link" readOnly value={url} onFocus={(event) => event.target.select()} className="block min-h-10 w-full rounded-md border border-slate-400 bg-white px-2 font-mono text-sm" />
      <button
        type="button"
        onClick={async () => {
          await navigator.clipboard?.writeText(url);
          setCopied(true);
        }}
        className="min-h-10 rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
      >
        Copy link
      </button>
      <span role="status" className="ml-2 text-sm">{copied ? 'Copied.' : ''}</span>
    </div>
  );
}

type Action = (previous: FormResult<InvitationLink>, form: FormData) => Promise<FormResult<InvitationLink>>;

export function ReissueInvitationForm({ action, timeZone }: { action: Action; timeZone: string }) {
  const [state, formAction] = useActionState(action, NOT_SENT);
  return (
    <div className="space-y-2">
      {state.ok && state.data ? (
        <InvitationLinkBox
          path={state.data.path}
          expiresText={new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(state.data.expiresAt))}
        />
      ) : (
        <form action={formAction}>
          {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
          <SubmitButton variant="secondary">Make a new invitation link</SubmitButton>
        </form>
      )}
    </div>
  );
}
