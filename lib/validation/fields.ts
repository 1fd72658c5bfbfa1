import { z } from 'zod';

/**
 * The one set of field parsers every form uses, patient and staff alike (docs/SECURITY.md, Input).
 * FormData sends strings, and a field is read exactly as sent: a number is plain ASCII digits
 * ("5", "12.5", "-3"), so " 5 ", "5.", "1e1", "0x5", "Infinity", full-width digits and "abc" are
 * refused, never coerced. Schemas built from these are `.strict()`, so extra fields are refused too.
 */
const WHOLE_NUMBER = /^(0|[1-9][0-9]{0,8})$/;
const DECIMAL_NUMBER = /^-?(0|[1-9][0-9]{0,8})(\.[0-9]{1,3})?$/;

/** A required whole number from `min` to `max`; `message` is shown for anything else. */
export function wholeNumber(min: number, max: number, message: string) {
  return z
    .string({ error: message })
    .regex(WHOLE_NUMBER, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message));
}

/** An optional whole number: an empty field means "not given" (null). */
export function optionalWholeNumber(min: number, max: number, message: string) {
  return z
    .string({ error: message })
    .refine((value) => value === '' || WHOLE_NUMBER.test(value), message)
    .transform((value) => (value === '' ? null : Number(value)))
    .pipe(z.number().int().min(min, message).max(max, message).nullable())
    .optional()
    .transform((value) => value ?? null);
}

/**
 * An optional decimal number (a measurement or a target); "" means not given (null). A typographic
 * minus (U+2212, what some keyboards and copied text give) is read as "-"; nothing else is altered.
 * Ranges are checked by the caller, which knows the measure.
 */
export function optionalDecimal(message: string) {
  return z
    .union([
      z.literal('').transform(() => null),
      z
        .string({ error: message })
        .transform((value) => value.replace(/^\u2212/, '-'))
        .pipe(z.string().regex(DECIMAL_NUMBER, message))
        .transform(Number),
    ], { error: message })
    .optional()
    .transform((value) => value ?? null);
}

/**
 * A number read as typed (digits, an optional minus and decimals), for a field that checks range and
 * whole-ness itself with its own messages: `numberText(message).pipe(z.number().int(…).min(…))`.
 */
export function numberText(message: string) {
  return z.string({ error: message }).regex(DECIMAL_NUMBER, message).transform(Number);
}

/** The optimistic-concurrency version a form was rendered with. */
export const versionField = z.string().regex(/^(0|[1-9][0-9]{0,15})$/, 'This form has expired. Please reload the page.').transform(Number);

export const submissionIdField = z.uuid({ error: 'This form has expired. Please reload the page and try again.' });

// Control characters other than tab and line breaks; NUL among them, which PostgreSQL cannot store.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Free text: trimmed; control characters (NUL included) and broken UTF-16 refused; length counted in
 * characters as PostgreSQL counts them, not UTF-16 units. Markup is kept as typed and always shown as
 * text. `required` refuses an empty field with "Enter <label>".
 */
export function text(label: string, max: number, options: { required?: boolean } = {}) {
  const cannotSave = `${label} contains a character that can’t be saved. Please remove it.`;
  const base = z
    .string({ error: `Enter ${label.toLowerCase()}.` })
    .refine((value) => !CONTROL.test(value), cannotSave)
    .refine((value) => value.isWellFormed(), cannotSave)
    .transform((value) => value.trim())
    .superRefine((value, context) => {
      if ([...value].length > max) {
        context.addIssue({ code: 'too_big', origin: 'string', maximum: max, inclusive: true, message: `${label} must be ${max.toLocaleString('en-GB')} characters or fewer.` });
      }
    });
  return options.required ? base.refine((value) => value.length > 0, `Enter ${label.toLowerCase()}.`) : base;
}

/** An email address: trimmed and lower-cased; `emptyMessage` says whose address to enter. */
export function emailField(emptyMessage: string) {
  return z
    .string({ error: emptyMessage })
    .trim()
    .toLowerCase()
    .min(1, emptyMessage)
    .max(254, 'That email address is too long.')
    .pipe(z.email('Enter an email address like name@example.com.'));
}

/** A code from an authenticator app: six digits, spaces ignored ("123 456"); "" when the field is left empty. */
export const authenticatorCode = z
  .string()
  .max(20, 'Enter the 6-digit code.')
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(z.string().regex(/^(\d{6})?$/, 'Enter the 6-digit code from your authenticator app.'));

export const yesNo = (message: string) =>
  z.enum(['yes', 'no'], { error: message }).transform((value) => value === 'yes');

/** A tick box: "on" when ticked, absent otherwise. */
export const checkbox = z.literal('on').optional();

/** A local date and time from a datetime-local input (YYYY-MM-DDTHH:MM). */
export const localDateTime = z
  .string({ error: 'Enter a date and time.' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Enter a date and time.');

export const calendarDate = z.string({ error: 'Enter a date.' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date.').refine((value) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}, 'Enter a real date.');

/** An optional value: an empty field means "not given" (undefined). */
export function optional<T extends z.ZodType>(schema: T) {
  return z.union([z.literal('').transform(() => undefined), schema]).optional();
}

export const uuidSchema = z.uuid('Unknown record.');
