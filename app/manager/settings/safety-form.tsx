'use client';

import { useActionState } from 'react';
import { NOT_SENT, valueOf } from '@/lib/forms';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { updateSafetySettingsAction } from './safety-actions';

type Props = {
  safetyLeadId: string | null;
  windows: { emergency: number; sameDay: number; review: number };
  clinicians: { id: string; name: string }[];
};

export function SafetyForm({ safetyLeadId, windows, clinicians }: Props) {
  // The server action itself (not a wrapper), so the form also works before hydration.
  const [state, action] = useActionState(updateSafetySettingsAction, NOT_SENT);
  const errors = !state.ok ? state.fieldErrors : undefined;
  // The key makes a refused form show what was typed rather than the saved values.
  return (
    <form action={action} key={JSON.stringify(state.values ?? null)} className="space-y-4" noValidate>
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      {state.ok ? <FormAlert tone="success">Saved. The change is recorded in the audit trail.</FormAlert> : null}
      <SelectField
        label="Safety lead"
        name="safetyLeadId"
        defaultValue={valueOf(state, 'safetyLeadId') ?? safetyLeadId ?? ''}
        options={[{ value: '', label: 'Choose a clinician' }, ...clinicians.map((clinician) => ({ value: clinician.id, label: clinician.name }))]}
        errors={errors?.safetyLeadId}
      />
      <fieldset className="space-y-3">
        <legend className="font-semibold">Escalate to the safety lead when nobody has acknowledged an alert within</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField
            size="compact"
            label="Emergency (minutes)"
            name="emergencyMinutes"
            inputMode="numeric"
            defaultValue={valueOf(state, 'emergencyMinutes') ?? String(windows.emergency)}
            errors={errors?.emergencyMinutes}
          />
          <TextField
            size="compact"
            label="Urgent, same day (minutes)"
            name="sameDayMinutes"
            inputMode="numeric"
            defaultValue={valueOf(state, 'sameDayMinutes') ?? String(windows.sameDay)}
            errors={errors?.sameDayMinutes}
          />
          <TextField
            size="compact"
            label="Review within 24 hours (minutes)"
            name="reviewMinutes"
            inputMode="numeric"
            defaultValue={valueOf(state, 'reviewMinutes') ?? String(windows.review)}
            errors={errors?.reviewMinutes}
          />
        </div>
        <p className="text-sm text-slate-700">
          Recommended: 60 minutes for emergency, 240 (4 hours) for urgent, 1440 (24 hours) for review. Routine alerts are not escalated.
        </p>
      </fieldset>
      <SubmitButton pendingText="Saving…">Save patient safety settings</SubmitButton>
    </form>
  );
}
