import { z } from 'zod';
import { emailField } from './fields';

// Control characters (NUL included, which PostgreSQL rejects) and bidi overrides have no place in a name.
const UNSAFE_TEXT = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

export const STAFF_ROLES = ['clinician', 'manager'] as const;

export const inviteStaffSchema = z
  .object({
    name: z
      .string({ error: 'Enter their full name.' })
      .trim()
      .min(1, 'Enter their full name.')
      .max(200, 'Use at most 200 characters.')
      .refine((value) => !UNSAFE_TEXT.test(value), 'Use letters, spaces and punctuation only.'),
    email: emailField('Enter their email address.'),
    role: z.enum(STAFF_ROLES, { error: 'Choose clinician or manager.' }),
  })
  .strict();
export type InviteStaffInput = z.infer<typeof inviteStaffSchema>;

export const userIdSchema = z.object({ userId: z.uuid() }).strict();

export const reassignSchema = z
  .object({
    episodeId: z.uuid(),
    clinicianId: z.uuid({ error: 'Choose the clinician to take over.' }),
    // Where the manager was: the clinician filter and the page of the list.
    back: z.union([z.literal(''), z.uuid()]).optional(),
    page: z.string().regex(/^[1-9][0-9]{0,4}$/).optional(),
  })
  .strict();

export const reassignCaseloadSchema = z
  .object({
    fromClinicianId: z.uuid(),
    clinicianId: z.uuid({ error: 'Choose the clinician to take over.' }),
  })
  .strict();

export const identityPolicySchema = z.object({ managersSeePatientIdentity: z.enum(['on', 'off']) }).strict();

