'use server';

import { AuthError } from 'next-auth';
import { z } from 'zod';
import { signIn } from '@/lib/auth';
import type { ActionResult } from '@/lib/errors';
import { safeCallbackUrl, signInSchema } from '@/lib/validation/auth';

const GENERIC_FAILURE = 'That email and password don’t match our records. Check them and try again.';

export async function signInAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const parsed = signInSchema.safeParse({
    email: form.get('email') ?? undefined,
    password: form.get('password') ?? undefined,
    callbackUrl: form.get('callbackUrl') ?? undefined,
  });
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackUrl(parsed.data.callbackUrl),
    });
  } catch (error) {
    // Only Auth.js failures are expected here; Next's redirect after success must propagate.
    if (error instanceof AuthError) return { ok: false, formError: GENERIC_FAILURE };
    throw error;
  }
  return { ok: true };
}
