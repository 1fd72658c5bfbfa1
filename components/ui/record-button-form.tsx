'use client';

import { useActionState } from 'react';
import { NOT_SENT, type FormResult } from '@/lib/forms';
import { FormAlert } from './form-alert';
import { SubmitButton } from './submit-button';

const SIZES = {
  compact: { form: 'inline-flex items-center gap-2', button: 'min-h-9 px-3 py-1 text-sm' },
  large: { form: 'inline', button: 'min-h-11 py-2' },
} as const;

/**
 * A form that is one button acting on one record of a list ("Remove", "Undo"). The record's id is sent
 * as `idField`; `record` names it to screen readers after the visible verb, so a list's buttons read
 * apart. A refusal shows beside the button. `large` for patients.
 */
export function RecordButtonForm({
  action,
  idField,
  id,
  verb,
  record,
  pendingText,
  size,
}: {
  action: (previous: FormResult, form: FormData) => Promise<FormResult>;
  idField: string;
  id: string;
  verb: string;
  record: string;
  pendingText: string;
  size: keyof typeof SIZES;
}) {
  const [state, formAction] = useActionState(action, NOT_SENT);
  const error = state.ok ? undefined : state.formError;
  return (
    <form action={formAction} className={SIZES[size].form}>
      <input type="hidden" name={idField} value={id} />
      <SubmitButton variant="secondary" pendingText={pendingText} className={SIZES[size].button}>
        {verb}
        <span className="sr-only"> {record}</span>
      </SubmitButton>
      {size === 'large' ? <FormAlert size="large">{error}</FormAlert> : error ? <p role="alert" className="text-sm text-red-800">{error}</p> : null}
    </form>
  );
}
