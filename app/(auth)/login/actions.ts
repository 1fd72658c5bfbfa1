'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { signIn } from '@/lib/auth';
import { formAction } from '@/lib/forms/action';
import { authenticatorCode, optional } from '@/lib/validation/fields';
import { safeCallbackUrl, signInSchema } from '@/lib/validation/auth';

const GENERIC_FAILURE = 'That email and password don’t match our records. Check them and try again. After several tries, wait a few minutes first.';
const UNAVAILABLE = 'Uplift is temporarily unavailable, so you could not be signed in. Nothing was saved. Please try again in a minute.';
const CODE_FAILURE = 'That code didn’t work. Check your authenticator app and try again, or use a recovery code.';
const ENTER_CODE = 'Enter the 6-digit code from your authenticator app.';

/** Which step the form shows next: the password, or the code for an account with two-step sign-in. */
export type SignInStep = { step: 'password' | 'code' };

// Not strict: a password manager may add fields of its own, and sign-in must not refuse them.
const schema = signInSchema.extend({
  step: z.enum(['password', 'code']).optional(),
  code: optional(authenticatorCode),
  recoveryCode: optional(z.string().max(40, 'That recovery code is too long.')),
});

export const signInAction = formAction({
  access: 'public',
  schema,
  run: async ({ email, password, callbackUrl, step = 'password', code, recoveryCode }) => {
    const at = { step } satisfies SignInStep;
    if (step === 'code' && !code && !recoveryCode) return { ok: false, fieldErrors: { code: [ENTER_CODE] }, data: at };
    try {
      await signIn('credentials', { email, password, code: code ?? '', recoveryCode: recoveryCode ?? '', redirectTo: safeCallbackUrl(callbackUrl) });
    } catch (error) {
      // Only Auth.js failures are expected here: Next's redirect after success must propagate.
      if (error instanceof CredentialsSignin && error.code === 'mfa-required') return { ok: true, data: { step: 'code' } as SignInStep };
      if (error instanceof CredentialsSignin && error.code === 'unavailable') return { ok: false, formError: UNAVAILABLE, data: at };
      if (error instanceof AuthError) return { ok: false, formError: step === 'code' ? CODE_FAILURE : GENERIC_FAILURE, data: at };
      throw error;
    }
    return { ok: true, data: at };
  },
});
