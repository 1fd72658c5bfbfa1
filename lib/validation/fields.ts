import { z } from 'zod';

/**
 * Shared field rules for patient forms. FormData sends strings: numbers are accepted only as plain ASCII
 * digits ("5"), so " 5 ", "5.0", "1e1", "0x5", full-width digits and "abc" are refused, never coerced.
 */
const WHOLE_NUMBER = /^(0|[1-9][0-9]{0,2})$/;

export function wholeNumber(min: number, max: number, message: string) {
  return z
    .string({ error: message })
    .regex(WHOLE_NUMBER, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message));
}

/** An optional whole number: an empty field means "not given" (null). */
export function optionalWholeNumber(min: number, max: number, message: string) {
  return z.union([z.literal('').transform(() => null), wholeNumber(min, max, message)]).optional().transform((v) => v ?? null);
}

export const submissionIdField = z.uuid({ error: 'This form has expired. Please reload the page and try again.' });

/**
 * Free text: trimmed, NUL and broken characters refused (PostgreSQL cannot store NUL), length counted in
 * characters as PostgreSQL counts them. Markup is kept as typed and always shown as text.
 */
export function freeText(max: number, label: string) {
  return z
    .string()
    .refine((value) => !value.includes('\u0000'), `${label} contains a character that can’t be saved. Please remove it.`)
    .refine((value) => value.isWellFormed(), `${label} contains a character that can’t be saved. Please remove it.`)
    .transform((value) => value.trim())
    .refine((value) => [...value].length <= max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer.`);
}

export const yesNo = (message: string) =>
  z.enum(['yes', 'no'], { error: message }).transform((value) => value === 'yes');
