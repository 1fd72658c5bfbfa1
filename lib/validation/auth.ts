import { z } from 'zod';

export const signInSchema = z.object({
  email: z
    .string({ error: 'Enter your email address.' })
    .trim()
    .toLowerCase()
    .min(1, 'Enter your email address.')
    .max(254, 'That email address is too long.')
    .pipe(z.email('Enter an email address like name@example.com.')),
  // Passwords are checked exactly as typed: never trimmed (OWASP ASVS 6.2.8).
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(128, 'That password is too long.'),
  callbackUrl: z.string().max(512).optional(),
});

const AREA_PATH = /^\/(patient|clinician|manager)(\/[A-Za-z0-9\-_/]*)?$/;

/** Only same-site paths inside an area are honoured after sign-in; anything else goes home. */
export function safeCallbackUrl(value: string | undefined | null): string {
  if (!value || !AREA_PATH.test(value)) return '/';
  return value;
}
