'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { NOT_SENT } from '@/lib/forms';
import { renewInvitationAction } from '../actions';
import { InvitationLink } from './invitation-link';


export function RenewInvitation({ userId, name }: { userId: string; name: string }) {
  const [state, action] = useActionState(renewInvitationAction, NOT_SENT);
  return (
    <div className="space-y-2">
      <form action={action}>
        <input type="hidden" name="userId" value={userId} />
        <SubmitButton variant="secondary" pendingText="Creating…" className="min-h-11 px-3 py-2 text-sm">
          New invitation link<span className="sr-only"> for {name}</span>
        </SubmitButton>
      </form>
      {state.ok && state.data ? <InvitationLink {...state.data} /> : null}
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
    </div>
  );
}
