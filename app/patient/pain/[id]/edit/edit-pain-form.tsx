'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { NOT_SENT } from '@/lib/forms';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { deletePainAction, updatePainAction } from '../../actions';
import { PainFields, SafetyQuestions, type PainDefaults } from '../../pain-fields';

export function EditPainForm({ id, version, defaults }: { id: string; version: number; defaults: PainDefaults }) {
  const [state, action] = useActionState(updatePainAction, NOT_SENT);
  const formRef = useFocusFirstError(state);
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={formRef} action={action} noValidate className="space-y-8">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <FormAlert size="large">{state.formError ?? errors.version?.[0] ?? errors.id?.[0]}</FormAlert>
      <PainFields state={state} defaults={defaults} />
      <SafetyQuestions state={state} />
      <SubmitButton pendingText="Saving…" className="w-full text-lg">
        Save changes
      </SubmitButton>
    </form>
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
