'use client';

import { useActionState } from 'react';
import type { ExerciseFormState } from '@/app/clinician/exercises/actions';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { TextAreaField } from '@/components/ui/text-area';
import { SelectField } from '@/components/ui/select-field';

type Action = (previous: ExerciseFormState, form: FormData) => Promise<ExerciseFormState>;

export function ExerciseForm({ action, categories, submissionId }: { action: Action; categories: { value: string; label: string }[]; submissionId: string }) {
  const [state, formAction] = useActionState(action, { ok: false });
  const values = !state.ok ? (state.values ?? {}) : {};
  const errors = !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} key={JSON.stringify(values) + (state.ok ? state.createdName : '')} className="space-y-3" noValidate>
      <input type="hidden" name="submissionId" value={submissionId} />
      {state.ok && state.createdName ? <FormAlert tone="success">“{state.createdName}” was added to the library.</FormAlert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField size="compact" label="Name" name="name" defaultValue={values.name} errors={errors.name} maxLength={120} />
        <SelectField label="Category" name="category" options={[{ value: '', label: 'Choose…' }, ...categories]} defaultValue={values.category} errors={errors.category} />
      </div>
      <TextField size="compact" label="Summary (one line)" name="summary" defaultValue={values.summary} errors={errors.summary} maxLength={300} />
      <TextAreaField label="Instructions" name="instructions" rows={5} maxLength={3000} defaultValue={values.instructions} errors={errors.instructions} hint="One step per line, in plain words for the patient." />
      <TextAreaField label="Safety note" name="safetyNote" rows={2} maxLength={1000} defaultValue={values.safetyNote} errors={errors.safetyNote} hint="When to stop and what to report." />
      <fieldset>
        <legend className="text-sm font-medium">Default dosage</legend>
        <div className="mt-1 grid grid-cols-2 gap-3 sm:grid-cols-6">
          <TextField size="compact" label="Sets" name="sets" inputMode="numeric" defaultValue={values.sets} errors={errors.sets} />
          <TextField size="compact" label="Reps" name="reps" inputMode="numeric" defaultValue={values.reps} errors={errors.reps} />
          <TextField size="compact" label="Hold (s)" name="holdSeconds" inputMode="numeric" defaultValue={values.holdSeconds} errors={errors.holdSeconds} />
          <TextField size="compact" label="Minutes" name="durationMinutes" inputMode="numeric" defaultValue={values.durationMinutes} errors={errors.durationMinutes} />
          <TextField size="compact" label="Times a day" name="timesPerDay" inputMode="numeric" defaultValue={values.timesPerDay ?? '1'} errors={errors.timesPerDay} />
          <TextField size="compact" label="Days a week" name="daysPerWeek" inputMode="numeric" defaultValue={values.daysPerWeek ?? '7'} errors={errors.daysPerWeek} />
        </div>
        <label className="mt-2 flex items-center gap-2 text-sm">
          <input type="checkbox" name="perSide" className="h-5 w-5" /> Each side
        </label>
      </fieldset>
      <SubmitButton pendingText="Adding…">Add to library</SubmitButton>
    </form>
  );
}
