import type { InputHTMLAttributes } from 'react';
import { useFieldIds } from './field-ids';

/**
 * `regular` for sign-in, accounts and patients; `compact` for clinicians' forms, to sit with their
 * compact textareas and selects (components/ui/text-area.tsx, components/clinician/form-fields.tsx).
 */
const SIZES = {
  regular: {
    label: 'block text-base font-medium text-slate-900',
    hint: 'mt-1 text-sm text-slate-700',
    control: 'mt-2 block min-h-12 w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-red-700',
    error: 'mt-2 text-sm font-medium text-red-800',
  },
  compact: {
    label: 'block text-sm font-medium',
    hint: 'text-xs text-slate-700',
    control: 'mt-1 block min-h-10 w-full rounded-md border border-slate-400 bg-white px-2 py-1 aria-invalid:border-red-700',
    error: 'mt-1 text-sm font-medium text-red-800',
  },
} as const;

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'size'> & {
  label: string;
  name: string;
  hint?: string;
  errors?: string[];
  size?: keyof typeof SIZES;
};

/** A labelled input whose hint and error are announced with it (aria-describedby). */
export function TextField({ label, name, hint, errors, className, size = 'regular', ...input }: TextFieldProps) {
  const { id, hintId, errorId, describedBy, invalid } = useFieldIds({ hint, errors });
  const styles = SIZES[size];
  return (
    <div className={className}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        className={styles.control}
        {...input}
      />
      {errorId ? (
        <p id={errorId} className={styles.error}>
          {errors!.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
