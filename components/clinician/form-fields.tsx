import { useFieldIds } from '@/components/ui/field-ids';

/** A labelled select whose error is announced with it. */
export function SelectField({
  label,
  name,
  options,
  defaultValue,
  errors,
}: {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  errors?: string[];
}) {
  const { id, errorId, describedBy, invalid } = useFieldIds({ errors });
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        className="mt-1 block min-h-10 w-full rounded-md border border-slate-400 bg-white px-2"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {errorId ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-800">
          {errors!.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
