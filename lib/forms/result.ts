import { z } from 'zod';

/** What a form sent, as text: shown again beside the messages of a refused form (React resets a form after its action). */
export type FormValues = Record<string, string | string[]>;

/**
 * The one answer of every form action. A refused form echoes what was sent (`values`), with messages
 * by field path (`fieldErrors`, "score" or "redFlags.bowel-control") and one message for the whole form
 * (`formError`). `data` is the payload of the few actions that answer with something: an invitation
 * link, a saved version, the next page.
 */
export type FormResult<Data = undefined> = {
  ok: boolean;
  values?: FormValues;
  fieldErrors?: Record<string, string[] | undefined>;
  formError?: string;
  data?: Data;
};

/** The state a form starts in: nothing sent yet. */
export const NOT_SENT: FormResult<never> = { ok: false };

/** A refused form: a message for the whole form, optionally messages by field. */
export function refused(formError?: string, fieldErrors?: Record<string, string[]>): FormResult<never> {
  return { ok: false, formError, fieldErrors };
}

/** A refused form with one message beside one field. */
export function fieldRefused(field: string, message: string, formError?: string): FormResult<never> {
  return { ok: false, fieldErrors: { [field]: [message] }, formError };
}

/** The first value sent for `name`, to give a field its default after a refusal. */
export function valueOf(result: Pick<FormResult<unknown>, 'values'>, name: string): string | undefined {
  const value = result.values?.[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The messages for one field, by its path. */
export function errorsOf(result: Pick<FormResult<unknown>, 'fieldErrors'>, name: string): string[] | undefined {
  return result.fieldErrors?.[name];
}

/**
 * The one zod-error mapper: messages keyed by dotted path ("score", "items.0.sets",
 * "redFlags.bowel-control"), the first message per path; issues about the whole object go under "form".
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : 'form';
    if (!errors[key]) errors[key] = [issue.message];
  }
  return errors;
}
