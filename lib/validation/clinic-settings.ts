import { z } from 'zod';
import { wholeNumber } from './fields';
import { CLINIC_COUNTRIES, EMERGENCY_SERVICES } from '@/lib/content/emergency-services';
import { canonicalTimeZone, TIME_ZONE_HINT } from '@/lib/time/zone';

// Control characters (NUL included, which PostgreSQL rejects) and bidi overrides have no place here.
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ONE_LINE = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** Optional text: empty means "not given" (null). */
function optionalText(max: number, tooLong: string, pattern: RegExp) {
  return z
    .string()
    .transform((value) => value.replace(/\r\n?/g, '\n').trim())
    .refine((value) => !pattern.test(value), 'Use letters, numbers and punctuation only.')
    .refine((value) => [...value].length <= max, tooLong)
    .transform((value) => (value === '' ? null : value));
}

export const clinicContactSchema = z
  .object({
    contactPhone: optionalText(40, 'Use at most 40 characters.', UNSAFE_ONE_LINE).refine(
      (value) => value === null || /^\+?[0-9 ()-]{6,40}$/.test(value),
      'Enter a phone number using digits, spaces, brackets and dashes, like 020 7946 0000.',
    ),
    contactEmail: optionalText(254, 'That email address is too long.', UNSAFE_ONE_LINE)
      .transform((value) => value?.toLowerCase() ?? null)
      .refine((value) => value === null || z.email().safeParse(value).success, 'Enter an email address like reception@example.org.'),
    contactAddress: optionalText(300, 'Use at most 300 characters.', UNSAFE),
  })
  .strict();
export type ClinicContactInput = z.infer<typeof clinicContactSchema>;

export const retentionSchema = z
  .object({
    retentionYears: wholeNumber(1, 100, 'Enter a whole number of years, from 1 to 100.'),
  })
  .strict();

/**
 * An IANA time zone name, stored in its canonical spelling. Anything else (an abbreviation such as
 * "EST", an offset, a misspelling) is refused with a message saying what to enter.
 */
export const timeZoneSchema = z
  .string({ error: TIME_ZONE_HINT })
  .trim()
  .transform((value, context) => {
    const canonical = canonicalTimeZone(value);
    if (canonical === null) {
      context.addIssue({ code: 'custom', message: `“${value.slice(0, 60)}” is not a time zone we know. ${TIME_ZONE_HINT}` });
      return z.NEVER;
    }
    return canonical;
  });

export const countrySchema = z.enum(CLINIC_COUNTRIES, {
  error: `Choose the clinic’s country from the list (${CLINIC_COUNTRIES.map((code) => EMERGENCY_SERVICES[code].label).join(', ')}).`,
});

/** Manager → Settings: where the clinic is. */
export const clinicLocationSchema = z.object({ timeZone: timeZoneSchema, country: countrySchema }).strict();

/**
 * Account page: follow the clinic's zone (stored as null, so a later change of the clinic's zone reaches
 * the person) or use one of their own, which must then be an IANA name.
 */
export const ownTimeZoneSchema = z
  .object({
    choice: z.enum(['clinic', 'own'], { error: 'Choose your clinic’s time zone or your own.' }),
    timeZone: z.string().optional(),
  })
  .strict()
  .transform((value, context) => {
    if (value.choice === 'clinic') return { timeZone: null };
    const parsed = timeZoneSchema.safeParse(value.timeZone ?? '');
    if (!parsed.success || parsed.data === '') {
      context.addIssue({ code: 'custom', path: ['timeZone'], message: parsed.success ? TIME_ZONE_HINT : parsed.error.issues[0]!.message });
      return z.NEVER;
    }
    return { timeZone: parsed.data };
  });
