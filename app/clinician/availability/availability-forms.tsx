'use client';

import { useActionState } from 'react';
import { refusalKey, refusalOf } from '@/components/ui/field-result';
import { FormOutcome } from '@/components/ui/form-alert';
import { RecordButtonForm } from '@/components/ui/record-button-form';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { WEEKDAYS } from '@/lib/appointments/rules';
import { NOT_SENT, type FormResult } from '@/lib/forms';
import { CHANGE_KINDS } from './change-kinds';

type Action = (previous: FormResult, form: FormData) => Promise<FormResult>;

export function WeeklyWindowForm({ action, clinicTimeZone }: { action: Action; clinicTimeZone: string }) {
  const [state, formAction] = useActionState(action, NOT_SENT);
  const result = refusalOf(state);
  return (
    <form action={formAction} key={refusalKey(state)} className="space-y-3">
      <FormOutcome result={state} saved="Hours added." />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label="Day of the week" name="weekday" options={WEEKDAYS.map((label, index) => ({ value: String(index + 1), label }))} result={result} />
        <TextField size="compact" label="From" name="startTime" type="time" step={300} result={result} hint={`Clinic time (${clinicTimeZone})`} required />
        <TextField size="compact" label="Until" name="endTime" type="time" step={300} result={result} required />
      </div>
      <SubmitButton pendingText="Adding…">Add hours</SubmitButton>
    </form>
  );
}

export function ExceptionForm({ action, clinicTimeZone, today }: { action: Action; clinicTimeZone: string; today: string }) {
  const [state, formAction] = useActionState(action, NOT_SENT);
  const result = refusalOf(state);
  return (
    <form action={formAction} key={refusalKey(state)} className="space-y-3">
      <FormOutcome result={state} saved="Change added." />
      <div className="grid gap-3 sm:grid-cols-4">
        <TextField size="compact" label="Date" name="day" type="date" min={today} result={result} required />
        <SelectField label="Change" name="kind" options={Object.entries(CHANGE_KINDS).map(([value, label]) => ({ value, label }))} result={result} />
        <TextField size="compact" label="From (optional)" name="startTime" type="time" step={300} result={result} hint={`Clinic time (${clinicTimeZone}); leave both empty for the whole day off`} />
        <TextField size="compact" label="Until (optional)" name="endTime" type="time" step={300} result={result} />
      </div>
      <SubmitButton pendingText="Adding…">Add change</SubmitButton>
    </form>
  );
}

export function RemoveForm({ action, id, label }: { action: Action; id: string; label: string }) {
  return <RecordButtonForm action={action} idField="id" id={id} verb="Remove" record={label} pendingText="Removing…" size="compact" />;
}
