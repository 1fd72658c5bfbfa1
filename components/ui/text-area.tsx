import { useFieldIds } from './field-ids';
import { fromResult, type FieldResult } from './field-result';
import { FieldShell } from './field-shell';

/** `compact` for clinicians' forms at a desk; `large` for patients (bigger type, bigger target). */
const CONTROL = {
  compact: 'mt-1 block w-full rounded-md border border-slate-400 px-2 py-1 aria-invalid:border-red-700',
  large: 'mt-2 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-lg text-slate-900 aria-invalid:border-red-700',
} as const;

/** A labelled textarea whose hint and error are announced with it. */
export function TextAreaField({
  label,
  name,
  defaultValue: given,
  errors: givenErrors,
  result,
  rows = 3,
  maxLength,
  hint,
  size = 'compact',
}: {
  label: string;
  name: string;
  defaultValue?: string | null;
  errors?: string[];
  /** The form's last answer: gives the field its message and what was typed. */
  result?: FieldResult;
  rows?: number;
  maxLength?: number;
  hint?: string;
  size?: keyof typeof CONTROL;
}) {
  const { errors, defaultValue } = fromResult(result, name, givenErrors, given);
  const ids = useFieldIds({ hint, errors });
  return (
    <FieldShell ids={ids} size={size} label={label} hint={hint} errors={errors}>
      <textarea
        id={ids.id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        defaultValue={defaultValue ?? ''}
        aria-invalid={ids.invalid}
        aria-describedby={ids.describedBy}
        className={CONTROL[size]}
      />
    </FieldShell>
  );
}
