'use server';

import { cookies, headers } from 'next/headers';
import { after } from 'next/server';
import { z } from 'zod';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { deviceCookieValues } from '@/lib/auth/device-cookie';
import { requestPasswordReset } from '@/lib/dal/password-reset-request';
import type { ActionResult } from '@/lib/errors';
import { formFields } from '@/lib/validation/form-data';

const schema = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, 'Enter your email address.')
      .max(254, 'That email address is too long.')
      .pipe(z.email('Enter an email address like name@example.com.')),
  })
  .strict();

export async function requestResetAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const parsed = schema.safeParse(formFields(form));
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const clientAddress = clientAddressFrom(await headers());
  const devices = deviceCookieValues((await cookies()).getAll());
  // After the response: the answer and its timing are the same whether or not the account exists.
  after(() => requestPasswordReset(parsed.data.email, clientAddress, devices));
  return { ok: true };
}
