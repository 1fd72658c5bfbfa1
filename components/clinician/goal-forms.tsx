'use client';

import { useActionState } from 'react';
import { NOT_SENT, type FormResult } from '@/lib/forms';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { SelectField } from '@/components/ui/select-field';

type Action = (previous: FormResult, form: FormData) => Promise<FormResult>;

export function GoalForm({ action, measures, submissionId }: { action: Action; measures: { value: string; label: string }[]; submissionId: string }) {
  const [state, formAction] = useActionState(action, NOT_SENT);
  return (
    <form action={formAction} key={JSON.stringify(state.values ?? null) + String(state.ok)} className="space-y-3">
      <h3 className="font-semibold">Add a goal</h3>
      <input type="hidden" name="submissionId" value={submissionId} />
      {state.ok ? <FormAlert tone="success">Goal added.</FormAlert> : null}
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <TextField size="compact" label="Goal" name="description" result={state} maxLength={500} hint="In the patient’s words where possible, e.g. “Walk the dog for 30 minutes”." />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label="Tied to a measure (optional)" name="measureCode" options={[{ value: '', label: 'None (free text)' }, ...measures]} result={state} />
        <TextField size="compact" label="Target (optional)" name="targetValue" inputMode="decimal" result={state} />
        <TextField size="compact" label="Target date (optional)" name="targetDate" type="date" result={state} />
      </div>
      <SubmitButton pendingText="Saving…">Add goal</SubmitButton>
    </form>
  );
}

export function GoalStatusForm({ action, goalId, status, description }: { action: Action; goalId: string; status: string; description: string }) {
  const [state, formAction] = useActionState(action, NOT_SENT);
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
