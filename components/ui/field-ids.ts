import { useId } from 'react';

export type FieldIds = {
  /** For the control (or the fieldset). */
  id: string;
  hintId: string | undefined;
  errorId: string | undefined;
  /** aria-describedby: the hint, any extra descriptions, then the error, as present. */
  describedBy: string | undefined;
  /** aria-invalid: true while there is an error, else absent. */
  invalid: true | undefined;
};

/**
 * The ids that tie a field's hint and error to its control, so a screen reader reads them with it.
 * Every form field builds on this; `extra` are suffixes of other descriptions the field renders
 * itself (`${id}-<suffix>`), placed between the hint and the error.
 */
export function useFieldIds({ hint, errors, extra = [] }: { hint?: unknown; errors?: readonly string[]; extra?: readonly (string | false | null | undefined)[] }): FieldIds {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const extraIds = extra.filter((suffix): suffix is string => Boolean(suffix)).map((suffix) => `${id}-${suffix}`);
  const describedBy = [hintId, ...extraIds, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy, invalid: errorId ? true : undefined };
}
