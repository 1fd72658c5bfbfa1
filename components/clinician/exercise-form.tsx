'use client';

import { useActionState } from 'react';
import { NOT_SENT, type FormResult } from '@/lib/forms';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { TextAreaField } from '@/components/ui/text-area';
import { SelectField } from '@/components/ui/select-field';

type Action = (previous: FormResult<{ createdName: string }>, form: FormData) => Promise<FormResult<{ createdName: string }>>;

export function ExerciseForm({ action, categories, submissionId }: { action: Action; categories: { value: string; label: string }[]; submissionId: string }) {
  const [state, formAction] = useActionState(action, NOT_SENT);
  return (
    <form action={formAction} key={JSON.stringify(state.values ?? null) + (state.ok ? state.data?.createdName : '')} className="space-y-3" noValidate>
      <input type="hidden" name="submissionId" value={submissionId} />
      {state.ok && state.data?.createdName ? <FormAlert tone="success">“{state.data.createdName}” was added to the library.</FormAlert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField size="compact" label="Name" name="name" result={state} maxLength={120} />
        <SelectField label="Category" name="category" options={[{ value: '', label: 'Choose…' }, ...categories]} result={state} />
      </div>
      <TextField size="compact" label="Summary (one line)" name="summary" result={state} maxLength={300} />
      <TextAreaField label="Instructions" name="instructions" rows={5} maxLength={3000} result={state} hint="One step per line, in plain words for the patient." />
      <TextAreaField label="Safety note" name="safetyNote" rows={2} maxLength={1000} result={state} hint="When to stop and what to report." />
      <fieldset>
        <legend className="text-sm font-medium">Default dosage</legend>
        <div className="mt-1 grid grid-cols-2 gap-3 sm:grid-cols-6">
          <TextField size="compact" label="Sets" name="sets" inputMode="numeric" result={state} />
          <TextField size="compact" label="Reps" name="reps" inputMode="numeric" result={state} />
          <TextField size="compact" label="Hold (s)" name="holdSeconds" inputMode="numeric" result={state} />
          <TextField size="compact" label="Minutes" name="durationMinutes" inputMode="numeric" result={state} />
          <TextField size="compact" label="Times a day" name="timesPerDay" inputMode="numeric" result={state} defaultValue="1" />
          <TextField size="compact" label="Days a week" name="daysPerWeek" inputMode="numeric" result={state} defaultValue="7" />
        </div>
        <label className="mt-2 flex items-center gap-2 text-sm">
          <input type="checkbox" name="perSide" className="h-5 w-5" /> Each side
        </label>
      </fieldset>
      <SubmitButton pendingText="Adding…">Add to library</SubmitButton>
    </form>
  );
}
