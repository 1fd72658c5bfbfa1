import { z } from 'zod';

/** Text from a form: trimmed, no NUL or other control characters except new lines and tabs. */
export function cleanText(label: string, max: number, options: { required?: boolean } = {}) {
  const base = z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer.`)
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), `${label} contains characters that cannot be stored.`);
  return options.required ? base.min(1, `Enter ${label.toLowerCase()}.`) : base;
}

/** An optional number field: "" means not given; anything else must be a number. */
export function optionalNumber(label: string) {
  return z.preprocess(
    (value) => (value === '' || value === undefined || value === null ? undefined : typeof value === 'string' ? Number(value.trim().replace('−', '-')) : value),
    z.number({ error: `${label} must be a number.` }).refine(Number.isFinite, `${label} must be a number.`).optional(),
  );
}

export function wholeNumber(label: string, min: number, max: number) {
  // z.coerce alone would read an empty field as 0, a real pain score.
  return z.preprocess(
    (value) => (typeof value === 'string' ? (value.trim() === '' ? undefined : Number(value.trim())) : value),
    z
      .number({ error: `Enter ${label.toLowerCase()} as a whole number.` })
      .int(`${label} must be a whole number.`)
      .min(min, `${label} must be between ${min} and ${max}.`)
      .max(max, `${label} must be between ${min} and ${max}.`),
  );
}

export const uuidSchema = z.uuid('Unknown record.');

/** A local date and time from a datetime-local input (YYYY-MM-DDTHH:MM). */
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Enter a date and time.');

export const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date.').refine((value) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}, 'Enter a real date.');

export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  return z.flattenError(error).fieldErrors as Record<string, string[]>;
}

/** A page number from an address or a form: a whole number from 1; anything else is page 1. */
export const pageNumberSchema = z.coerce.number().int().min(1).max(10_000).catch(1);
