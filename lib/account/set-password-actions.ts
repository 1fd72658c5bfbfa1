'use server';

import { cookies, headers } from 'next/headers';
import { z } from 'zod';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { deviceCookieAttributes, issueDeviceCookie } from '@/lib/auth/device-cookie';
import { setPasswordWithLink } from '@/lib/dal/account-setup';
import { formAction } from '@/lib/forms/action';
import { fieldRefused, refused } from '@/lib/forms/result';

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

/** Sets a password with an invitation or reset link: whoever holds the link, signed in or not. */
export const setPasswordAction = formAction({
  access: 'public',
  schema,
  invalid: 'Something was missing from the form. Please try again.',
  run: async ({ kind, token, password, confirm }) => {
    if (password !== confirm) return fieldRefused('confirm', 'The two passwords are different.');
    const requestHeaders = await headers();
    const outcome = await setPasswordWithLink(token, kind, password, clientAddressFrom(requestHeaders));
    if (!outcome.ok) {
      if (outcome.reason === 'weak-password') return fieldRefused('password', outcome.message);
      return refused('This link has expired or has already been used. Ask your clinic for a new one.');
    }
    // Whoever used the link proved they hold it: this browser is now one the person has used, so
    // a stranger's guesses at the account do not hold back its sign-in (lib/auth/device-cookie.ts).
    const device = issueDeviceCookie(outcome.userId);
    (await cookies()).set(device.name, device.value, deviceCookieAttributes(requestHeaders.get('x-forwarded-proto') === 'https'));
  },
  redirect: () => '/login?passwordSet=1',
});
