'use client';

import { useActionState } from 'react';
import { PatientForm } from '@/components/patient/patient-form';
import { FormAlert } from '@/components/ui/form-alert';
import { NOT_SENT } from '@/lib/forms';
import { SubmitButton } from '@/components/ui/submit-button';
import { deletePainAction, updatePainAction } from '../../actions';
import { PainFields, SafetyQuestions, type PainDefaults } from '../../pain-fields';

export function EditPainForm({ id, version, defaults }: { id: string; version: number; defaults: PainDefaults }) {
  const [state, action] = useActionState(updatePainAction, NOT_SENT);
  return (
    <PatientForm state={state} action={action} hidden={{ id, version }} submitLabel="Save changes">
      <PainFields state={state} defaults={defaults} />
      <SafetyQuestions state={state} />
    </PatientForm>
  );
}

export function DeletePainForm({ id }: { id: string }) {
  const [state, action] = useActionState(deletePainAction, NOT_SENT);
  return (
    <details className="rounded-2xl border border-red-300 bg-white p-4">
      <summary className="flex min-h-11 cursor-pointer items-center text-lg font-semibold text-red-800">Delete this entry</summary>
      <form action={action} className="mt-3 space-y-3">
        <input type="hidden" name="id" value={id} />
        <p className="text-lg">This removes the entry from your diary. It can’t be undone.</p>
        <FormAlert size="large">{state.formError}</FormAlert>
        <SubmitButton variant="danger" pendingText="Deleting…">
          Yes, delete this entry
        </SubmitButton>
      </form>
    </details>
  );
}
