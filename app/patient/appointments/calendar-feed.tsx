'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { NOT_SENT, type FormResult } from '@/lib/forms';

type CreateAction = (previous: FormResult<{ feedPath: string }>, form: FormData) => Promise<FormResult<{ feedPath: string }>>;
type RevokeAction = (previous: FormResult, form: FormData) => Promise<FormResult>;

/** The private calendar address: made (shown once), replaced or turned off. */
export function CalendarFeed({ create, revoke, activeSince }: { create: CreateAction; revoke: RevokeAction; activeSince: string | null }) {
  const [created, createAction] = useActionState(create, NOT_SENT as FormResult<{ feedPath: string }>);
  const [revoked, revokeAction] = useActionState(revoke, NOT_SENT);
  // Shown while the address is on: once turned off (the page then says so), the last one made is gone.
  const address = created.ok && created.data && activeSince ? `${window.location.origin}${created.data.feedPath}` : null;
  return (
    <div className="space-y-4">
      {!created.ok && created.formError ? <FormAlert>{created.formError}</FormAlert> : null}
      {!revoked.ok && revoked.formError ? <FormAlert>{revoked.formError}</FormAlert> : null}
      {revoked.ok && !activeSince ? <FormAlert tone="success">Your calendar address is turned off. Calendars using it will stop updating.</FormAlert> : null}
      {address ? (
        <div role="status" className="space-y-2 rounded-lg border-l-4 border-green-700 bg-green-50 p-4">
          <p className="text-lg font-semibold text-green-900">Your private calendar address</p>
          <p className="text-base">Copy it into your calendar app now: it is shown only once. Anyone with it can see your visit times.</p>
          <label htmlFor="feed-address" className="block text-base font-medium">
            Calendar address
          </label>
          <input id="feed-address" readOnly value={address} className="block min-h-12 w-full rounded-lg border border-slate-400 bg-white px-3 font-mono text-sm" />
          <a href={address.replace(/^https?:/, 'webcal:')} className="inline-block text-lg text-brand-800 underline">
            Open in my calendar app
          </a>
        </div>
      ) : null}
      {activeSince ? <p className="text-lg">Your calendar address is on (made {activeSince}).</p> : <p className="text-lg">You have no calendar address.</p>}
      <div className="flex flex-wrap gap-3">
        <form action={createAction}>
          <input type="hidden" name="confirm" value="yes" />
          <SubmitButton variant={activeSince ? 'secondary' : 'primary'} pendingText="Making…">
            {activeSince ? 'Make a new address' : 'Make a calendar address'}
          </SubmitButton>
        </form>
        {activeSince ? (
          <form action={revokeAction}>
            <input type="hidden" name="confirm" value="yes" />
            <SubmitButton variant="secondary" pendingText="Turning off…">
              Turn off the calendar address
            </SubmitButton>
          </form>
        ) : null}
      </div>
    </div>
  );
}
