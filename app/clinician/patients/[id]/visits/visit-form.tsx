'use client';

import { useActionState } from 'react';
import { refusalKey, refusalOf } from '@/components/ui/field-result';
import { FormOutcome } from '@/components/ui/form-alert';
import { NumberField } from '@/components/ui/number-field';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { APPOINTMENT_KIND_LABELS, APPOINTMENT_KINDS, VISIT_MINUTES } from '@/lib/appointments/rules';
import { NOT_SENT, type FormResult } from '@/lib/forms';
import { LOCATION_MAX, VIDEO_URL_MAX } from '@/lib/validation/appointments';

type Action = (previous: FormResult, form: FormData) => Promise<FormResult>;

/** Books a visit: the day and time are the clinic's wall-clock time, which the hint names. */
export function VisitForm({
  action,
  submissionId,
  clinicTimeZone,
  defaultMinutes,
  defaultPlace,
  defaultDay,
}: {
  action: Action;
  submissionId: string;
  clinicTimeZone: string;
  defaultMinutes: number;
  defaultPlace: string;
  defaultDay: string;
}) {
  const [state, formAction] = useActionState(action, NOT_SENT);
  const result = refusalOf(state);
  return (
    <form action={formAction} key={refusalKey(state)} className="space-y-3">
      <input type="hidden" name="submissionId" value={submissionId} />
      <FormOutcome result={state} saved="Visit booked." />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField label="How" name="kind" options={APPOINTMENT_KINDS.map((kind) => ({ value: kind, label: APPOINTMENT_KIND_LABELS[kind] }))} result={result} />
        <TextField size="compact" label="Date" name="day" type="date" min={defaultDay} defaultValue={defaultDay} result={result} required />
        <TextField size="compact" label="Start time" name="time" type="time" step={300} result={result} hint={`Clinic time (${clinicTimeZone})`} required />
        <NumberField size="compact" label="Length in minutes" name="minutes" value={defaultMinutes} result={result} hint={`${VISIT_MINUTES.min} to ${VISIT_MINUTES.max}`} required />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField size="compact" label="Place" name="location" defaultValue={defaultPlace} result={result} maxLength={LOCATION_MAX} hint="For a visit in person: the address or room." />
        <TextField size="compact" label="Video link" name="videoUrl" type="url" result={result} maxLength={VIDEO_URL_MAX} hint="For a video call: the https:// link the patient joins by." />
      </div>
      <SubmitButton pendingText="Booking…">Book visit</SubmitButton>
    </form>
  );
}
