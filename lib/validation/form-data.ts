/**
 * The fields of a submitted form as a plain object for zod. When a form is sent before the page
 * has hydrated (slow phone, JavaScript off), React adds its own `$ACTION_…` fields; they are not
 * user input and would make every `.strict()` schema refuse the form, so they are left out here.
 * Repeated names keep their last value, as Object.fromEntries does.
 */
export function formFields(form: FormData): Record<string, FormDataEntryValue> {
  return Object.fromEntries([...form.entries()].filter(([name]) => !name.startsWith('$ACTION')));
}
