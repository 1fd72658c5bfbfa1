'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { signIn } from '@/lib/auth';
import { safeCallbackUrl, signInSchema } from '@/lib/validation/auth';

const GENERIC_FAILURE = 'That email and password don’t match our records. Check them and try again. After several tries, wait a few minutes first.';
const UNAVAILABLE = 'Uplift is temporarily unavailable, so you could not be signed in. Nothing was saved. Please try again in a minute.';
const CODE_FAILURE = 'That code didn’t work. Check your authenticator app and try again, or use a recovery code.';

export type SignInState =
  | { ok: true; step: 'password' | 'code' }
  | { ok: false; step: 'password' | 'code'; formError?: string; fieldErrors?: Record<string, string[] | undefined> };

const secondFactorSchema = z
  .object({
    code: z
      .string()
      .max(20, 'Enter the 6-digit code.')
      .transform((value) => value.replace(/\s/g, ''))
      .pipe(z.string().regex(/^(\d{6})?$/, 'Enter the 6-digit code from your authenticator app.'))
      .optional(),
    recoveryCode: z.string().max(40, 'That recovery code is too long.').optional(),
  })
  .strict();

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse({
    email: form.get('email') ?? undefined,
    password: form.get('password') ?? undefined,
    callbackUrl: form.get('callbackUrl') ?? undefined,
  });
  const onCodeStep = form.get('step') === 'code';
  const step = onCodeStep ? 'code' : 'password';
  if (!parsed.success) return { ok: false, step: 'password', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const factor = secondFactorSchema.safeParse({
    code: form.get('code') || undefined,
    recoveryCode: form.get('recoveryCode') || undefined,
  });
  if (!factor.success) return { ok: false, step, fieldErrors: z.flattenError(factor.error).fieldErrors };
  if (onCodeStep && !factor.data.code && !factor.data.recoveryCode) {
    return { ok: false, step, fieldErrors: { code: ['Enter the 6-digit code from your authenticator app.'] } };
  }
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      code: factor.data.code ?? '',
      recoveryCode: factor.data.recoveryCode ?? '',
      redirectTo: safeCallbackUrl(parsed.data.callbackUrl),
    });
  } catch (error) {
    // Only Auth.js failures are expected here; Next's redirect after success must propagate.
    if (error instanceof CredentialsSignin && error.code === 'mfa-required') return { ok: true, step: 'code' };
    if (error instanceof CredentialsSignin && error.code === 'unavailable') return { ok: false, step, formError: UNAVAILABLE };
    if (error instanceof AuthError) return { ok: false, step, formError: onCodeStep ? CODE_FAILURE : GENERIC_FAILURE };
    throw error;
  }
  return { ok: true, step };
}
