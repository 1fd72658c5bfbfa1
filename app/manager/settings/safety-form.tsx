'use client';

import { useActionState } from 'react';
import { NOT_SENT } from '@/lib/forms';
import { FormOutcome } from '@/components/ui/form-alert';
import { NumberField } from '@/components/ui/number-field';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { updateSafetySettingsAction } from './safety-actions';

type Windows = { emergency: number; sameDay: number; review: number };

type Props = {
  safetyLeadId: string | null;
  windows: Windows;
  clinicians: { id: string; name: string }[];
};

const WINDOWS: { key: keyof Windows; name: string; label: string }[] = [
  { key: 'emergency', name: 'emergencyMinutes', label: 'Emergency (minutes)' },
  { key: 'sameDay', name: 'sameDayMinutes', label: 'Urgent, same day (minutes)' },
  { key: 'review', name: 'reviewMinutes', label: 'Review within 24 hours (minutes)' },
];

export function SafetyForm({ safetyLeadId, windows, clinicians }: Props) {
  // The server action itself (not a wrapper), so the form also works before hydration.
  const [state, action] = useActionState(updateSafetySettingsAction, NOT_SENT);
  // The key makes a refused form show what was typed rather than the saved values.
  return (
    <form action={action} key={JSON.stringify(state.values ?? null)} className="space-y-4" noValidate>
      <FormOutcome result={state} saved="Saved. The change is recorded in the audit trail." />
      <SelectField
        label="Safety lead"
        name="safetyLeadId"
        defaultValue={safetyLeadId ?? ''}
        options={[{ value: '', label: 'Choose a clinician' }, ...clinicians.map((clinician) => ({ value: clinician.id, label: clinician.name }))]}
        result={state}
      />
      <fieldset className="space-y-3">
        <legend className="font-semibold">Escalate to the safety lead when nobody has acknowledged an alert within</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          {WINDOWS.map(({ key, name, label }) => (
            <NumberField key={name} size="compact" label={label} name={name} value={windows[key]} result={state} />
          ))}
        </div>
        <p className="text-sm text-slate-700">
          Recommended: 60 minutes for emergency, 240 (4 hours) for urgent, 1440 (24 hours) for review. Routine alerts are not escalated.
        </p>
      </fieldset>
      <SubmitButton pendingText="Saving…">Save patient safety settings</SubmitButton>
    </form>
  );
}
