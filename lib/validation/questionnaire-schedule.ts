import { z } from 'zod';
import { INSTRUMENTS } from '@/lib/clinical/instruments';
import { calendarDate } from './common';
import { optionalWholeNumber } from './fields';

/** Policy (docs/CLINICAL.md, Questionnaire schedule): an interval of 1 to 52 weeks. */
export const SCHEDULE_INTERVAL_WEEKS = { min: 1, max: 52 } as const;

const intervalMessage = `Enter the weeks between questionnaires as a whole number from ${SCHEDULE_INTERVAL_WEEKS.min} to ${SCHEDULE_INTERVAL_WEEKS.max}, or leave it empty to ask once.`;

/**
 * A clinician's change to one questionnaire's schedule after onboarding. Strict: digits only for the
 * interval ("1e1", "0x5", "2.5" are refused, never coerced); an empty interval means "once, no repeat";
 * a request date, when given, is a real calendar day no earlier than `today` (the patient's day).
 */
export function questionnaireScheduleSchema(today: string) {
  return z
    .object({
      instrument: z.enum(INSTRUMENTS, { error: 'Choose a questionnaire from the list.' }),
      enabled: z.enum(['yes', 'no'], { error: 'Choose whether the patient is asked this questionnaire.' }).transform((value) => value === 'yes'),
      // Read as typed (lib/validation/fields.ts): " 5 ", "1e1" and "0x5" are refused; empty means the default.
      intervalWeeks: optionalWholeNumber(SCHEDULE_INTERVAL_WEEKS.min, SCHEDULE_INTERVAL_WEEKS.max, intervalMessage),
      requestBy: z
        .string({ error: 'Enter a date, or leave it empty.' })
        .trim()
        .transform((value) => (value === '' ? null : value))
        .pipe(calendarDate.nullable())
        .refine((value) => value === null || value >= today, 'Choose today or a later date.'),
    })
    .strict();
}
export type QuestionnaireScheduleInput = z.output<ReturnType<typeof questionnaireScheduleSchema>>;
