'use client';

import type { FormEventHandler, ReactNode } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import type { FormResult } from '@/lib/forms';

/** The form's own message, else the first message about a hidden field or about the answers as a whole ('form'). */
export function wholeFormMessage(state: FormResult<unknown>, hiddenNames: string[]): string | undefined {
  const errors = state.fieldErrors ?? {};
  return state.formError ?? [...hiddenNames, 'form'].map((name) => errors[name]?.[0]).find(Boolean);
}

/**
 * The frame of a patient's form: no browser validation (the server's messages, in plain words, sit
 * beside each field), focus on the first refused field, the hidden fields, the message for the whole
 * form (above the fields or, with `alertAt="end"`, just above the button) and one full-width button.
 * `state` is the form's `useActionState` state; the fields read it too. A message about a hidden field
 * or about the answers as a whole has no field to sit beside, so it is the form's message.
 */
export function PatientForm({
  state,
  action,
  hidden,
  alertAt = 'top',
  submitLabel,
  className = 'space-y-8',
  onChange,
  children,
}: {
  state: FormResult<unknown>;
  action: (form: FormData) => void;
  hidden: Record<string, string | number>;
  alertAt?: 'top' | 'end';
  submitLabel: string;
  className?: string;
  onChange?: FormEventHandler<HTMLFormElement>;
  children: ReactNode;
}) {
  const formRef = useFocusFirstError(state);
  const message = <FormAlert size="large">{wholeFormMessage(state, Object.keys(hidden))}</FormAlert>;
  return (
    <form ref={formRef} action={action} noValidate className={className} onChange={onChange}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {alertAt === 'top' ? message : null}
      {children}
      {alertAt === 'end' ? message : null}
      <SubmitButton pendingText="Saving…" className="w-full text-lg">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
