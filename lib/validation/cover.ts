import { z } from 'zod';
import { ESCALATION_WINDOW_LIMITS, windowsInOrder } from '@/lib/clinical/escalation';
import { numberText } from './fields';

export const awaySchema = z
  .object({
    clinicianId: z.uuid(),
    coverId: z.uuid({ error: 'Choose a colleague to cover.' }),
  })
  .strict();

export const backSchema = z.object({ clinicianId: z.uuid() }).strict();

const windowField = (what: string) =>
  numberText(`Enter the minutes for ${what} alerts.`).pipe(
    z
      .number()
      .int(`Enter whole minutes for ${what} alerts.`)
      .min(ESCALATION_WINDOW_LIMITS.min, `Use at least ${ESCALATION_WINDOW_LIMITS.min} minutes.`)
      .max(ESCALATION_WINDOW_LIMITS.max, `Use at most ${ESCALATION_WINDOW_LIMITS.max} minutes (3 days).`),
  );

/** Manager → Settings → Patient safety. Field names are the form's. */
export const safetySettingsSchema = z
  .object({
    safetyLeadId: z.uuid({ error: 'Choose the clinician who leads patient safety.' }),
    emergencyMinutes: windowField('emergency'),
    sameDayMinutes: windowField('urgent'),
    reviewMinutes: windowField('review'),
  })
  .strict()
  .refine(
    (value) => windowsInOrder({ emergency: value.emergencyMinutes, 'same-day': value.sameDayMinutes, '24h': value.reviewMinutes }),
    { path: ['sameDayMinutes'], message: 'An emergency must not wait longer than an urgent alert, nor an urgent alert longer than a review.' },
  );
