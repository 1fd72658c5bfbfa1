'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formFields } from '@/lib/validation/form-data';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { deviceCookieAttributes, issueDeviceCookie } from '@/lib/auth/device-cookie';
import { setPasswordWithLink } from '@/lib/dal/account-setup';
import type { ActionResult } from '@/lib/errors';

const schema = z
  .object({
    kind: z.enum(['invite', 'reset']),
    token: z.string().min(20).max(200),
    password: z.string().max(1000),
    confirm: z.string().max(1000),
    // The hidden email field that lets password managers save the new password.
    username: z.string().max(254).optional(),
  })
  .strict();

export async function setPasswordAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const parsed = schema.safeParse(formFields(form));
  if (!parsed.success) return { ok: false, formError: 'Something was missing from the form. Please try again.' };
  const { kind, token, password, confirm } = parsed.data;
  if (password !== confirm) return { ok: false, fieldErrors: { confirm: ['The two passwords are different.'] } };
  const requestHeaders = await headers();
  const outcome = await setPasswordWithLink(token, kind, password, clientAddressFrom(requestHeaders));
  if (!outcome.ok) {
    if (outcome.reason === 'weak-password') return { ok: false, fieldErrors: { password: [outcome.message] } };
    return { ok: false, formError: 'This link has expired or has already been used. Ask your clinic for a new one.' };
  }
  // Whoever used the link proved they hold it: this browser is now one the person has used, so
  // a stranger's guesses at the account do not hold back its sign-in (lib/auth/device-cookie.ts).
  const device = issueDeviceCookie(outcome.userId);
  (await cookies()).set(device.name, device.value, deviceCookieAttributes(requestHeaders.get('x-forwarded-proto') === 'https'));
  redirect('/login?passwordSet=1');
}
