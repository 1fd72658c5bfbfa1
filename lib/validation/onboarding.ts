import { z } from 'zod';
import { INSTRUMENTS } from '@/lib/clinical/instruments';
import { calendarDate, cleanText, wholeNumber } from './common';


export const onboardingSchema = z
  .object({
    name: cleanText('The patient’s name', 200, { required: true }),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, 'Enter the patient’s email address.')
      .max(254, 'That email address is too long.')
      .pipe(z.email('Enter an email address like name@example.com.')),
    dateOfBirth: calendarDate.refine((value) => value >= '1900-01-01' && value <= new Date().toISOString().slice(0, 10), 'Enter a date of birth in the past.'),
    condition: cleanText('The condition', 200, { required: true }),
    intakeNprs: wholeNumber('Pain at the start', 0, 10),
    intervalWeeks: wholeNumber('Weeks between questionnaires', 1, 26),
    instruments: z.array(z.enum(INSTRUMENTS)).default([]),
  })
  .strict();

export const dischargeSchema = z
  .object({
    summary: cleanText('The discharge summary', 2000, { required: true }),
    confirm: z.literal('on', { error: 'Tick the box to confirm the discharge.' }),
  })
  .strict();
