'use client';

import { useActionState } from 'react';
import { NOT_SENT, valueOf } from '@/lib/forms';
import { FormOutcome } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { CLINIC_COUNTRIES, EMERGENCY_SERVICES } from '@/lib/content/emergency-services';
import { updateClinicLocationAction } from '../location-actions';

const COUNTRY_OPTIONS = CLINIC_COUNTRIES.map((code) => ({
  value: code,
  label: `${EMERGENCY_SERVICES[code].label} (emergency ${EMERGENCY_SERVICES[code].emergencyNumber})`,
}));

export function ClinicLocationForm({ location, listId }: { location: { timeZone: string; country: string }; listId: string }) {
  const [state, action] = useActionState(updateClinicLocationAction, NOT_SENT);
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormOutcome result={state} saved="Time zone and country saved." />
      <TextField
        label="Clinic time zone"
        name="timeZone"
        size="compact"
        list={listId}
        autoComplete="off"
        spellCheck={false}
        hint="A place name such as Europe/London, America/New_York or Australia/Sydney. Start typing to see the list."
        defaultValue={valueOf(state, 'timeZone') ?? location.timeZone}
        errors={errors?.timeZone}
      />
      <SelectField label="Country (sets the emergency numbers patients are given)" name="country" options={COUNTRY_OPTIONS} defaultValue={valueOf(state, 'country') ?? location.country} errors={errors?.country} />
      <SubmitButton pendingText="Saving…">Save time zone and country</SubmitButton>
    </form>
  );
}
