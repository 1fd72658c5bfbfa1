'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { RecordButtonForm } from '@/components/ui/record-button-form';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { WEEKDAYS } from '@/lib/appointments/rules';
import { NOT_SENT, valueOf, type FormResult } from '@/lib/forms';

/** A refused form is drawn afresh with what was sent: a reset select would otherwise fall back to its first option. */
const formKey = (state: FormResult) => JSON.stringify(state.ok ? null : (state.values ?? null));

type Action = (previous: FormResult, form: FormData) => Promise<FormResult>;

export function WeeklyWindowForm({ action, clinicTimeZone }: { action: Action; clinicTimeZone: string }) {
  const [state, formAction] = useActionState(action, NOT_SENT);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const value = (name: string) => (state.ok ? undefined : valueOf(state, name));
  return (
    <form action={formAction} key={formKey(state)} className="space-y-3">
      {state.ok ? <FormAlert tone="success">Hours added.</FormAlert> : null}
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label="Day of the week" name="weekday" options={WEEKDAYS.map((label, index) => ({ value: String(index + 1), label }))} defaultValue={value('weekday')} errors={errors.weekday} />
        <TextField size="compact" label="From" name="startTime" type="time" step={300} defaultValue={value('startTime')} errors={errors.startTime} hint={`Clinic time (${clinicTimeZone})`} required />
        <TextField size="compact" label="Until" name="endTime" type="time" step={300} defaultValue={value('endTime')} errors={errors.endTime} required />
      </div>
      <SubmitButton pendingText="Adding…">Add hours</SubmitButton>
    </form>
  );
}

export function ExceptionForm({ action, clinicTimeZone, today }: { action: Action; clinicTimeZone: string; today: string }) {
  const [state, formAction] = useActionState(action, NOT_SENT);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const value = (name: string) => (state.ok ? undefined : valueOf(state, name));
  return (
    <form action={formAction} key={formKey(state)} className="space-y-3">
      {state.ok ? <FormAlert tone="success">Change added.</FormAlert> : null}
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <div className="grid gap-3 sm:grid-cols-4">
        <TextField size="compact" label="Date" name="day" type="date" min={today} defaultValue={value('day')} errors={errors.day} required />
        <SelectField
          label="Change"
          name="kind"
          options={[
            { value: 'unavailable', label: 'Time off' },
            { value: 'extra', label: 'Extra hours' },
          ]}
          defaultValue={value('kind')}
          errors={errors.kind}
        />
        <TextField size="compact" label="From (optional)" name="startTime" type="time" step={300} defaultValue={value('startTime')} errors={errors.startTime} hint={`Clinic time (${clinicTimeZone}); leave both empty for the whole day off`} />
        <TextField size="compact" label="Until (optional)" name="endTime" type="time" step={300} defaultValue={value('endTime')} errors={errors.endTime} />
      </div>
      <SubmitButton pendingText="Adding…">Add change</SubmitButton>
    </form>
  );
}

export function RemoveForm({ action, id, label }: { action: Action; id: string; label: string }) {
  return <RecordButtonForm action={action} idField="id" id={id} verb="Remove" record={label} pendingText="Removing…" size="compact" />;
}
