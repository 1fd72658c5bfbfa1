'use client';

import { useActionState } from 'react';
import { NOT_SENT, type FormResult } from '@/lib/forms';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { NOTE_FIELD_MAX } from '@/lib/validation/notes';
import { TextAreaField } from '@/components/ui/text-area';

type Action = (previous: FormResult, form: FormData) => Promise<FormResult>;

/** A SOAP note, or an amendment of one (the original is never edited). */
export function NoteForm({ action, amendsId, heading, submissionId }: { action: Action; amendsId?: string; heading: string; submissionId: string }) {
  const [state, formAction] = useActionState(action, NOT_SENT);
  return (
    <form action={formAction} key={JSON.stringify(state.values ?? null) + String(state.ok)} className="space-y-3">
      <h3 className="font-semibold">{heading}</h3>
      <input type="hidden" name="submissionId" value={submissionId} />
      {amendsId ? <input type="hidden" name="amendsId" value={amendsId} /> : null}
      {state.ok ? <FormAlert tone="success">Saved.</FormAlert> : null}
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <div className="grid gap-3 md:grid-cols-2">
        <TextAreaField label="Subjective" name="subjective" result={state} maxLength={NOTE_FIELD_MAX} />
        <TextAreaField label="Objective" name="objective" result={state} maxLength={NOTE_FIELD_MAX} />
        <TextAreaField label="Assessment" name="assessment" result={state} maxLength={NOTE_FIELD_MAX} />
        <TextAreaField label="Plan" name="plan" result={state} maxLength={NOTE_FIELD_MAX} />
      </div>
      <SubmitButton pendingText="Saving…" variant={amendsId ? 'secondary' : 'primary'}>
        {amendsId ? 'Save amendment' : 'Save note'}
      </SubmitButton>
    </form>
  );
}
