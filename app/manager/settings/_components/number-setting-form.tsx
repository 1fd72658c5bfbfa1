'use client';

import { useActionState } from 'react';
import { FormOutcome } from '@/components/ui/form-alert';
import { NumberField } from '@/components/ui/number-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { NOT_SENT, type FormResult } from '@/lib/forms';

type Action = (previous: FormResult, form: FormData) => Promise<FormResult>;

/** A clinic setting that is one whole number (retention years, nudge days), saved on its own. */
export function NumberSettingForm({
  action,
  label,
  name,
  hint,
  value,
  saved,
  submit,
}: {
  action: Action;
  label: string;
  name: string;
  hint: string;
  value: number;
  /** What the form says once it is saved. */
  saved: string;
  /** The button's text. */
  submit: string;
}) {
  const [state, formAction] = useActionState(action, NOT_SENT);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormOutcome result={state} saved={saved} />
      <NumberField label={label} name={name} className="max-w-xs" hint={hint} value={value} result={state} />
      <SubmitButton pendingText="Saving…">{submit}</SubmitButton>
    </form>
  );
}
