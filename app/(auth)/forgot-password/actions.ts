'use server';

import { cookies, headers } from 'next/headers';
import { after } from 'next/server';
import { z } from 'zod';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { deviceCookieValues } from '@/lib/auth/device-cookie';
import { requestPasswordReset } from '@/lib/dal/password-reset-request';
import { formAction } from '@/lib/forms/action';
import { emailField } from '@/lib/validation/fields';

export const requestResetAction = formAction({
  access: 'public',
  schema: z.object({ email: emailField('Enter your email address.') }).strict(),
  run: async ({ email }) => {
    const clientAddress = clientAddressFrom(await headers());
    const devices = deviceCookieValues((await cookies()).getAll());
    // After the response: the answer and its timing are the same whether or not the account exists.
    after(() => requestPasswordReset(email, clientAddress, devices));
  },
});
