import { useFieldIds } from './field-ids';
import { fromResult, type FieldResult } from './field-result';
import { FieldShell } from './field-shell';

/** A labelled select whose error is announced with it (compact, for clinicians' forms). */
export function SelectField({
  label,
  name,
  options,
  defaultValue: given,
  errors: givenErrors,
  result,
}: {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  defaultValue?: string | null;
  errors?: string[];
  /** The form's last answer: gives the field its message and what was chosen. */
  result?: FieldResult;
}) {
  const { errors, defaultValue } = fromResult(result, name, givenErrors, given);
  const ids = useFieldIds({ errors });
  return (
    <FieldShell ids={ids} size="compact" label={label} errors={errors}>
      <select
        id={ids.id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={ids.invalid}
        aria-describedby={ids.describedBy}
        className="mt-1 block min-h-10 w-full rounded-md border border-slate-400 bg-white px-2"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
