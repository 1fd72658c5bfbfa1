'use client';

import { useActionState } from 'react';
import type { RecordFormState } from '@/app/clinician/patients/[id]/notes/actions';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { SelectField } from '@/components/ui/select-field';

type Action = (previous: RecordFormState, form: FormData) => Promise<RecordFormState>;

export function GoalForm({ action, measures, submissionId }: { action: Action; measures: { value: string; label: string }[]; submissionId: string }) {
  const [state, formAction] = useActionState(action, { ok: true });
  const values = state.ok ? {} : (state.values ?? {});
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <form action={formAction} key={JSON.stringify(values) + String(state.ok && state.saved)} className="space-y-3">
      <h3 className="font-semibold">Add a goal</h3>
      <input type="hidden" name="submissionId" value={submissionId} />
      {state.ok && state.saved ? <FormAlert tone="success">Goal added.</FormAlert> : null}
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <TextField size="compact" label="Goal" name="description" defaultValue={values.description} errors={errors.description} maxLength={500} hint="In the patient’s words where possible, e.g. “Walk the dog for 30 minutes”." />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label="Tied to a measure (optional)" name="measureCode" options={[{ value: '', label: 'None (free text)' }, ...measures]} defaultValue={values.measureCode} errors={errors.measureCode} />
        <TextField size="compact" label="Target (optional)" name="targetValue" inputMode="decimal" defaultValue={values.targetValue} errors={errors.targetValue} />
        <TextField size="compact" label="Target date (optional)" name="targetDate" type="date" defaultValue={values.targetDate} errors={errors.targetDate} />
      </div>
      <SubmitButton pendingText="Saving…">Add goal</SubmitButton>
    </form>
  );
}

export function GoalStatusForm({ action, goalId, status, description }: { action: Action; goalId: string; status: string; description: string }) {
  const [state, formAction] = useActionState(action, { ok: true });
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="goalId" value={goalId} />
      <label className="text-sm">
        <span className="sr-only">Status of “{description}”</span>
        <select name="status" defaultValue={status} className="min-h-9 rounded-md border border-slate-400 bg-white px-2">
          <option value="active">Active</option>
          <option value="achieved">Achieved</option>
          <option value="not-achieved">Not achieved</option>
          <option value="cancelled">Cancelled</option>
        </select>
      </label>
      <SubmitButton variant="secondary" className="min-h-9 px-3 py-1 text-sm">Update<span className="sr-only"> status of “{description}”</span></SubmitButton>
      {!state.ok && state.formError ? <p role="alert" className="text-sm text-red-800">{state.formError}</p> : null}
    </form>
  );
}
