import { z } from 'zod';
import { INSTRUMENTS } from '@/lib/clinical/instruments';
import { calendarDate, emailField, text, wholeNumber } from './fields';

export const onboardingSchema = z
  .object({
    name: text('The patient’s name', 200, { required: true }),
    email: emailField('Enter the patient’s email address.'),
    dateOfBirth: calendarDate.refine((value) => value >= '1900-01-01' && value <= new Date().toISOString().slice(0, 10), 'Enter a date of birth in the past.'),
    condition: text('The condition', 200, { required: true }),
    intakeNprs: wholeNumber(0, 10, 'Pain at the start: a whole number from 0 to 10.'),
    intervalWeeks: wholeNumber(1, 26, 'Weeks between questionnaires: a whole number from 1 to 26.'),
    instruments: z.array(z.enum(INSTRUMENTS)).default([]),
  })
  .strict();

export const dischargeSchema = z
  .object({
    summary: text('The discharge summary', 2000, { required: true }),
    confirm: z.literal('on', { error: 'Tick the box to confirm the discharge.' }),
  })
  .strict();
