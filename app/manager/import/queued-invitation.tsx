'use client';

import { useActionState } from 'react';
import { InvitationLink } from '@/app/manager/users/_components/invitation-link';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { NOT_SENT } from '@/lib/forms';
import { issueQueuedInvitationAction } from './actions';

/** One waiting invitation: a button that creates the one-time link, then the link to copy. */
export function QueuedInvitation({ queueId, name, handedOut }: { queueId: string; name: string; handedOut: boolean }) {
  const [state, action] = useActionState(issueQueuedInvitationAction, NOT_SENT);
  if (state.ok && state.data) return <InvitationLink {...state.data} />;
  return (
    <form action={action} className="space-y-2">
      {state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <input type="hidden" name="queueId" value={queueId} />
      <SubmitButton variant="secondary" pendingText="Creating link…">
        <span>
          {handedOut ? 'New link' : 'Create invitation link'}
          <span className="sr-only"> for {name}</span>
        </span>
      </SubmitButton>
    </form>
  );
}
