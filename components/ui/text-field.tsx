import type { InputHTMLAttributes } from 'react';
import { useFieldIds } from './field-ids';
import { fromResult, type FieldResult } from './field-result';
import { FieldShell } from './field-shell';

/** `regular` for sign-in, accounts and patients; `compact` for clinicians' forms, beside their textareas and selects. */
const CONTROL = {
  regular: 'mt-2 block min-h-12 w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-red-700',
  compact: 'mt-1 block min-h-10 w-full rounded-md border border-slate-400 bg-white px-2 py-1 aria-invalid:border-red-700',
} as const;

export type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'size' | 'defaultValue'> & {
  label: string;
  name: string;
  hint?: string;
  errors?: string[];
  defaultValue?: string | null;
  /** The form's last answer: gives the field its message and what was typed. */
  result?: FieldResult;
  size?: keyof typeof CONTROL;
};

/** A labelled input whose hint and error are announced with it (aria-describedby). */
export function TextField({ label, name, hint, errors: givenErrors, defaultValue: given, result, className, size = 'regular', ...input }: TextFieldProps) {
  const { errors, defaultValue } = fromResult(result, name, givenErrors, given);
  const ids = useFieldIds({ hint, errors });
  return (
    <FieldShell ids={ids} size={size} label={label} hint={hint} errors={errors} className={className}>
      <input id={ids.id} name={name} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} className={CONTROL[size]} defaultValue={defaultValue} {...input} />
    </FieldShell>
  );
}
