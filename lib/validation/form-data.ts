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
