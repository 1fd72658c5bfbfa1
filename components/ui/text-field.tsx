import type { InputHTMLAttributes } from 'react';
import { useFieldIds } from './field-ids';

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  hint?: string;
  errors?: string[];
};

/** A labelled input whose hint and error are announced with it (aria-describedby). */
export function TextField({ label, name, hint, errors, className, ...input }: TextFieldProps) {
  const { id, hintId, errorId, describedBy, invalid } = useFieldIds({ hint, errors });
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-base font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        className="mt-2 block min-h-12 w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-red-700"
        {...input}
      />
      {errorId ? (
        <p id={errorId} className="mt-2 text-sm font-medium text-red-800">
          {errors!.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
