import { z } from 'zod';
import { emailField } from './fields';
import { PASSWORD_MAX_LENGTH } from '@/lib/auth/password-policy';

/**
 * A password as typed: never trimmed (ASVS 6.2.8), its length counted in characters, the same unit
 * `checkNewPassword` counts when it is set, so every password that can be set can be used.
 */
export const passwordField = z
  .string({ error: 'Enter your password.' })
  .min(1, 'Enter your password.')
  .refine((value) => [...value].length <= PASSWORD_MAX_LENGTH, 'That password is too long.');

export const signInSchema = z.object({
  email: emailField('Enter your email address.'),
  password: passwordField,
  callbackUrl: z.string().max(512).optional(),
});

const AREA_PATH = /^\/(patient|clinician|manager)(\/[A-Za-z0-9\-_/]*)?$/;

/** Only same-site paths inside an area are honoured after sign-in; anything else goes home. */
export function safeCallbackUrl(value: string | undefined | null): string {
  if (!value || !AREA_PATH.test(value)) return '/';
  return value;
}
