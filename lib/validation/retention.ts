import { z } from 'zod';

export const findPatientSchema = z
  .object({
    email: z
      .string({ error: 'Enter the patient’s email address.' })
      .trim()
      .toLowerCase()
      .min(1, 'Enter the patient’s email address.')
      .max(254, 'That email address is too long.')
      .pipe(z.email('Enter an email address like name@example.com.')),
  })
  .strict();

export const closeAccountSchema = z
  .object({
    userId: z.uuid(),
    confirm: z.literal('on', { error: 'Tick the box to confirm.' }),
  })
  .strict();
