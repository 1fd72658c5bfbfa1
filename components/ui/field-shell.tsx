import type { ReactNode } from 'react';
import type { FieldIds } from './field-ids';

/**
 * The text around a control, by size: `compact` for clinicians' forms at a desk, `regular` for sign-in
 * and accounts, `large` for patients (often on a phone, sometimes older).
 */
export const FIELD_TEXT = {
  compact: { label: 'block text-sm font-medium', hint: 'text-xs text-slate-700', error: 'mt-1 text-sm font-medium text-red-800' },
  regular: { label: 'block text-base font-medium text-slate-900', hint: 'mt-1 text-sm text-slate-700', error: 'mt-2 text-sm font-medium text-red-800' },
  large: { label: 'block text-lg font-semibold text-slate-900', hint: 'mt-1 text-base text-slate-700', error: 'mt-2 text-base font-medium text-red-800' },
} as const;

export type FieldSize = keyof typeof FIELD_TEXT;

/** Label, hint, the control (children, wired with `ids`), then the error: one field's frame. */
export function FieldShell({
  ids,
  size,
  label,
  hint,
  errors,
  className,
  children,
}: {
  ids: FieldIds;
  size: FieldSize;
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  className?: string;
  children: ReactNode;
}) {
  const text = FIELD_TEXT[size];
  return (
    <div className={className}>
      <label htmlFor={ids.id} className={text.label}>
        {label}
      </label>
      {ids.hintId ? (
        <p id={ids.hintId} className={text.hint}>
          {hint}
        </p>
      ) : null}
      {children}
      {ids.errorId ? (
        <p id={ids.errorId} className={text.error}>
          {errors!.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
