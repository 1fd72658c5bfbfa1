'use client';

import { useActionState } from 'react';
import type { RecordFormState } from '@/app/clinician/patients/[id]/notes/actions';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { NOTE_FIELD_MAX } from '@/lib/validation/notes';
import { TextAreaField } from '@/components/ui/text-area';

type Action = (previous: RecordFormState, form: FormData) => Promise<RecordFormState>;

/** A SOAP note, or an amendment of one (the original is never edited). */
export function NoteForm({ action, amendsId, heading, submissionId }: { action: Action; amendsId?: string; heading: string; submissionId: string }) {
  const [state, formAction] = useActionState(action, { ok: true });
  const values = state.ok ? {} : (state.values ?? {});
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <form action={formAction} key={JSON.stringify(values) + String(state.ok && state.saved)} className="space-y-3">
      <h3 className="font-semibold">{heading}</h3>
      <input type="hidden" name="submissionId" value={submissionId} />
      {amendsId ? <input type="hidden" name="amendsId" value={amendsId} /> : null}
      {state.ok && state.saved ? <FormAlert tone="success">Saved.</FormAlert> : null}
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <div className="grid gap-3 md:grid-cols-2">
        <TextAreaField label="Subjective" name="subjective" defaultValue={values.subjective} errors={errors.subjective} maxLength={NOTE_FIELD_MAX} />
        <TextAreaField label="Objective" name="objective" defaultValue={values.objective} errors={errors.objective} maxLength={NOTE_FIELD_MAX} />
        <TextAreaField label="Assessment" name="assessment" defaultValue={values.assessment} errors={errors.assessment} maxLength={NOTE_FIELD_MAX} />
        <TextAreaField label="Plan" name="plan" defaultValue={values.plan} errors={errors.plan} maxLength={NOTE_FIELD_MAX} />
      </div>
      <SubmitButton pendingText="Saving…" variant={amendsId ? 'secondary' : 'primary'}>
        {amendsId ? 'Save amendment' : 'Save note'}
      </SubmitButton>
    </form>
  );
}
