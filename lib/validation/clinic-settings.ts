import { z } from 'zod';
import { CLINIC_COUNTRIES, EMERGENCY_SERVICES } from '@/lib/content/emergency-services';
import { canonicalTimeZone, TIME_ZONE_HINT } from '@/lib/time/zone';

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
 * Account page: the person's own zone, or "" to follow the clinic's. An empty choice is the clinic's
 * zone, not a missing answer.
 */
export const ownTimeZoneSchema = z
  .object({ timeZone: z.union([z.literal('').transform(() => null), timeZoneSchema]) })
  .strict();
