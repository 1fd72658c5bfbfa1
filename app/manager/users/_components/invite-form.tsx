'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { NOT_SENT, valueOf } from '@/lib/forms';
import { inviteStaffAction } from '../actions';
import { InvitationLink } from './invitation-link';

export function InviteForm() {
  const [state, action] = useActionState(inviteStaffAction, NOT_SENT);
  return (
    <div className="space-y-4">
      {state.ok && state.data ? <InvitationLink {...state.data} /> : null}
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <form action={action} className="grid gap-4 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-start" noValidate>
        <TextField label="Full name" name="name" autoComplete="off" maxLength={200} result={state} />
        <TextField label="Email" name="email" type="email" autoComplete="off" result={state} />
        <fieldset>
          <legend className="block text-base font-medium text-slate-900">Role</legend>
          <div className="mt-2 flex gap-4">
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" name="role" value="clinician" defaultChecked={valueOf(state, 'role') !== 'manager'} className="h-5 w-5" /> Clinician
            </label>
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" name="role" value="manager" defaultChecked={valueOf(state, 'role') === 'manager'} className="h-5 w-5" /> Manager
            </label>
          </div>
          {state.fieldErrors?.role ? <p className="mt-1 text-sm font-medium text-red-800">{state.fieldErrors.role.join(' ')}</p> : null}
        </fieldset>
        <SubmitButton pendingText="Creating link…" className="sm:mt-8">
          Create invitation
        </SubmitButton>
      </form>
    </div>
  );
}
