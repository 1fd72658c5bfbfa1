'use client';

import { useId, useState } from 'react';

/** A one-time link as the invite and renew actions answer with it. */
export type InvitationLinkData = { path: string; expiresAt: string; name: string };

/** The one-time link, shown once, with a copy button. Only its hash is stored, so it cannot be shown again. */
export function InvitationLink({ path, expiresAt, name }: InvitationLinkData) {
  const [copied, setCopied] = useState(false);
  const id = useId();
  const url = typeof window === 'undefined' ? path : new URL(path, window.location.origin).toString();
  const expires = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(expiresAt));
  return (
    <div role="status" className="space-y-2 rounded-lg border-l-4 border-green-700 bg-green-50 p-4 text-green-950">
      <p className="font-semibold">Invitation link for {name}</p>
      <p className="text-sm">
        Send this link to them yourself (for example by your clinic email). It works once and expires {expires}. It will not be shown
        again; you can make a new one from the list below.
      </p>
      <label className="block text-sm font-medium" htmlFor={id}>
        Invitation link
      </label>
      <div className="flex flex-wrap gap-2">
        <input id={id} readOnly value={url} className="min-h-11 flex-1 rounded-lg border border-slate-400 bg-white px-3 font-mono text-sm" onFocus={(event) => event.currentTarget.select()} />
        <button
          type="button"
          className="min-h-11 rounded-lg border border-slate-400 bg-white px-4 font-semibold text-slate-900 hover:bg-slate-100"
          onClick={async () => {
            await navigator.clipboard?.writeText(url);
            setCopied(true);
          }}
        >
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
    </div>
  );
}
