import type { ReactNode } from 'react';
import { fromResult, type FieldResult } from './field-result';
import { useFieldIds } from './field-ids';
import { FIELD_TEXT, type FieldSize } from './field-shell';

/** One tick box with its label (a confirmation, "the values are correct"), its error announced with it. */
export function CheckboxField({
  name,
  label,
  errors: given,
  result,
  size = 'regular',
}: {
  name: string;
  label: ReactNode;
  errors?: string[];
  /** The form's last answer: gives the box its message. */
  result?: FieldResult;
  size?: FieldSize;
}) {
  const { errors } = fromResult(result, name, given);
  const ids = useFieldIds({ errors });
  return (
    <div>
      <label htmlFor={ids.id} className={`flex min-h-11 items-start gap-3 ${size === 'compact' ? 'text-sm font-medium' : 'font-medium'}`}>
        <input id={ids.id} type="checkbox" name={name} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} className="mt-0.5 size-5 shrink-0 accent-brand-700" />
        <span>{label}</span>
      </label>
      {ids.errorId ? (
        <p id={ids.errorId} className={FIELD_TEXT[size].error}>
          {errors!.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
