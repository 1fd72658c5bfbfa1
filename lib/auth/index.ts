import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authConfig } from './config';
import { authenticate } from './credentials';
import { passwordField } from '@/lib/validation/auth';
import { clientAddressFrom } from './client-address';

/** The database could not be reached: nobody is let in, and the form says to try again shortly. */
export class SignInUnavailable extends CredentialsSignin {
  code = 'unavailable';
}

/** Password accepted; the account has MFA and no code came with it. The form asks for one. */
export class SecondFactorRequired extends CredentialsSignin {
  code = 'mfa-required';
}

const optionalCode = z
  .string()
  .max(64)
  .optional()
  .transform((value) => (value ? value : undefined));

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  // Never trimmed or altered, and as long as a password may be set (ASVS 6.2.8, 6.2.9).
  password: passwordField,
  code: optionalCode,
  recoveryCode: optionalCode,
});

export const { handlers, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: {
        email: { label: 'Email' },
        password: { label: 'Password', type: 'password' },
        code: { label: 'Code from your authenticator app' },
        recoveryCode: { label: 'Recovery code' },
      },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        let outcome;
        try {
          outcome = await authenticate(parsed.data, clientAddressFrom(request.headers));
        } catch {
          // Fail closed: an unreachable database never signs anyone in.
          throw new SignInUnavailable();
        }
        if (outcome.status === 'mfa-required') throw new SecondFactorRequired();
        if (outcome.status !== 'ok') return null;
        const { user } = outcome;
        return { id: user.id, role: user.role, sessionVersion: user.sessionVersion } as never;
      },
    }),
  ],
});
