import type { z } from 'zod';

/**
 * FormData → a plain object for a `.strict()` zod schema. `arrays` keys keep every value (checkbox groups);
 * `group-key` fields become `{ group: { key: value } }`. Next's own `$ACTION…` fields are dropped; any other
 * unexpected field is kept so `.strict()` refuses it. A file upload stays a File in a `files` field and
 * becomes a marker the schemas reject anywhere else.
 */
export function formDataToObject(
  form: FormData,
  options: { arrays?: readonly string[]; groups?: readonly string[]; files?: readonly string[] } = {},
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, raw] of form.entries()) {
    if (key.startsWith('$ACTION')) continue;
    const value = typeof raw === 'string' || options.files?.includes(key) ? raw : { file: true };
    const group = options.groups?.find((name) => key.startsWith(`${name}-`));
    if (group) {
      const bucket = (result[group] ??= {}) as Record<string, unknown>;
      bucket[key.slice(group.length + 1)] = value;
    } else if (options.arrays?.includes(key)) {
      ((result[key] ??= []) as unknown[]).push(value);
    } else if (key in result) {
      // A scalar sent twice is tampering or a bug: keep both so the schema rejects the array.
      result[key] = [result[key], value].flat();
    } else {
      result[key] = value;
    }
  }
  for (const key of options.arrays ?? []) result[key] ??= [];
  for (const key of options.groups ?? []) result[key] ??= {};
  return result;
}

/** The text fields of a parsed form, to show the form again as it was sent after a refusal. */
export function typedValues(fields: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Field messages keyed by dotted path ("score", "redFlags.bowel-control"); the first message per field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : 'form';
    if (!errors[key]) errors[key] = [issue.message];
  }
  return errors;
}

/**
 * The fields of a submitted form as a plain object for zod. When a form is sent before the page
 * has hydrated (slow phone, JavaScript off), React adds its own `$ACTION_…` fields; they are not
 * user input and would make every `.strict()` schema refuse the form, so they are left out here.
 * Repeated names keep their last value, as Object.fromEntries does.
 */
export function formFields(form: FormData): Record<string, FormDataEntryValue> {
  return Object.fromEntries([...form.entries()].filter(([name]) => !name.startsWith('$ACTION')));
}
