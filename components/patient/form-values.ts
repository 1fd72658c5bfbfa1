import type { FormState } from './fields';

/** The text fields a patient sent, to show again beside the messages of a refused form. */
export function submittedValues(form: FormData): NonNullable<FormState['values']> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('$ACTION') || typeof value !== 'string') continue;
    const existing = values[key];
    values[key] = existing === undefined ? value : [existing, value].flat();
  }
  return values;
}
