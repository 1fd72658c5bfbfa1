import { useFieldIds } from './field-ids';

/**
 * Two sizes of the same field: `compact` for clinicians' forms at a desk, `large` for patients, often on a
 * phone and sometimes older (bigger type, bigger target).
 */
const SIZES = {
  compact: {
    label: 'block text-sm font-medium',
    hint: 'text-xs text-slate-700',
    control: 'mt-1 block w-full rounded-md border border-slate-400 px-2 py-1 aria-invalid:border-red-700',
    error: 'mt-1 text-sm font-medium text-red-800',
  },
  large: {
    label: 'block text-lg font-semibold text-slate-900',
    hint: 'mt-1 text-base text-slate-700',
    control: 'mt-2 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-lg text-slate-900 aria-invalid:border-red-700',
    error: 'mt-2 text-base font-medium text-red-800',
  },
} as const;

/** A labelled textarea whose hint and error are announced with it. */
export function TextAreaField({
  label,
  name,
  defaultValue,
  errors,
  rows = 3,
  maxLength,
  hint,
  size = 'compact',
}: {
  label: string;
  name: string;
  defaultValue?: string | null;
  errors?: string[];
  rows?: number;
  maxLength?: number;
  hint?: string;
  size?: keyof typeof SIZES;
}) {
  const { id, hintId, errorId, describedBy, invalid } = useFieldIds({ hint, errors });
  const styles = SIZES[size];
  return (
    <div>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {hintId ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        defaultValue={defaultValue ?? ''}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        className={styles.control}
      />
      {errorId ? (
        <p id={errorId} className={styles.error}>
          {errors!.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
