'use client';

import { useActionState } from 'react';
import { NOT_SENT } from '@/lib/forms';
import { FormOutcome } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { updateClinicSecurityAction } from './actions';

type Settings = { mfaRequiredForManagers: boolean; mfaRequiredForClinicians: boolean };

export function SettingsForm({ settings }: { settings: Settings }) {
  // The server action itself (not a wrapper), so the form also works before hydration.
  const [state, action] = useActionState(updateClinicSecurityAction, NOT_SENT);
  return (
    <form action={action} className="space-y-5">
      <FormOutcome result={state} saved="Settings saved." />
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">Require two-step sign-in for</legend>
        <label className="flex min-h-11 items-start gap-3">
          <input type="checkbox" name="mfaRequiredForManagers" defaultChecked={settings.mfaRequiredForManagers} className="mt-1 size-6" />
          <span>
            <span className="font-medium">Managers</span>
            <span className="block text-slate-700">Recommended: managers see clinic-wide data and the audit trail.</span>
          </span>
        </label>
        <label className="flex min-h-11 items-start gap-3">
          <input type="checkbox" name="mfaRequiredForClinicians" defaultChecked={settings.mfaRequiredForClinicians} className="mt-1 size-6" />
          <span>
            <span className="font-medium">Clinicians</span>
            <span className="block text-slate-700">Clinicians read full patient records.</span>
          </span>
        </label>
      </fieldset>
      <p className="text-slate-700">People in a required role who have not set it up are asked to do so before they can continue.</p>
      <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
    </form>
  );
}
