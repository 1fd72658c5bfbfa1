'use client';

import { useActionState } from 'react';
import { FormOutcome } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { APPOINTMENT_KIND_LABELS, APPOINTMENT_KINDS, VISIT_MINUTES } from '@/lib/appointments/rules';
import { NOT_SENT, valueOf, type FormResult } from '@/lib/forms';

/** A refused form is drawn afresh with what was sent: a reset select would otherwise fall back to its first option. */
const formKey = (state: FormResult) => JSON.stringify(state.ok ? null : (state.values ?? null));
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
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const value = (name: string) => (state.ok ? undefined : valueOf(state, name));
  return (
    <form action={formAction} key={formKey(state)} className="space-y-3">
      <input type="hidden" name="submissionId" value={submissionId} />
      <FormOutcome result={state} saved="Visit booked." />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField label="How" name="kind" options={APPOINTMENT_KINDS.map((kind) => ({ value: kind, label: APPOINTMENT_KIND_LABELS[kind] }))} defaultValue={value('kind')} errors={errors.kind} />
        <TextField size="compact" label="Date" name="day" type="date" min={defaultDay} defaultValue={value('day') ?? defaultDay} errors={errors.day} required />
        <TextField size="compact" label="Start time" name="time" type="time" step={300} defaultValue={value('time')} errors={errors.time} hint={`Clinic time (${clinicTimeZone})`} required />
        <TextField size="compact" label="Length in minutes" name="minutes" inputMode="numeric" defaultValue={value('minutes') ?? String(defaultMinutes)} errors={errors.minutes} hint={`${VISIT_MINUTES.min} to ${VISIT_MINUTES.max}`} required />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField size="compact" label="Place" name="location" defaultValue={value('location') ?? defaultPlace} errors={errors.location} maxLength={LOCATION_MAX} hint="For a visit in person: the address or room." />
        <TextField size="compact" label="Video link" name="videoUrl" type="url" defaultValue={value('videoUrl')} errors={errors.videoUrl} maxLength={VIDEO_URL_MAX} hint="For a video call: the https:// link the patient joins by." />
      </div>
      <SubmitButton pendingText="Booking…">Book visit</SubmitButton>
    </form>
  );
}
