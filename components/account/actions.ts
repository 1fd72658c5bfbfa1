'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { setPasswordWithLink } from '@/lib/dal/account-setup';
import type { ActionResult } from '@/lib/errors';

const schema = z
  .object({
    kind: z.enum(['invite', 'reset']),
    token: z.string().min(20).max(200),
    password: z.string().max(1000),
    confirm: z.string().max(1000),
    // The hidden username field lets password managers file the new password under the right account.
    username: z.string().max(254).optional(),
  })
  .strict();

export async function setPasswordAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  // React adds its own `$ACTION_…` fields to forms rendered on the server; they are not ours to validate.
  const parsed = schema.safeParse(Object.fromEntries([...form.entries()].filter(([key]) => !key.startsWith('$'))));
  if (!parsed.success) return { ok: false, formError: 'Something was missing from the form. Please try again.' };
  const { kind, token, password, confirm } = parsed.data;
  if (password !== confirm) return { ok: false, fieldErrors: { confirm: ['The two passwords are different.'] } };
  const outcome = await setPasswordWithLink(token, kind, password, clientAddressFrom(await headers()));
  if (!outcome.ok) {
    if (outcome.reason === 'weak-password') return { ok: false, fieldErrors: { password: [outcome.message] } };
    return { ok: false, formError: 'This link has expired or has already been used. Ask your clinic for a new one.' };
  }
  redirect('/login?passwordSet=1');
}
