import { z } from 'zod';
import { emailField } from './fields';

export const findPatientSchema = z
  .object({
    email: emailField('Enter the patient’s email address.'),
  })
  .strict();

export const closeAccountSchema = z
  .object({
    userId: z.uuid(),
    confirm: z.literal('on', { error: 'Tick the box to confirm.' }),
  })
  .strict();
