'use server';

import { closePatientAccount, findPatientByEmail } from '@/lib/dal/retention';
import { formAction } from '@/lib/forms/action';
import { fieldRefused, refused } from '@/lib/forms/result';
import { closeAccountSchema, findPatientSchema } from '@/lib/validation/retention';

export const findPatientAction = formAction({
  access: 'manager',
  schema: findPatientSchema,
  run: async ({ email }) => {
    const userId = await findPatientByEmail(email);
    if (!userId) return fieldRefused('email', 'No patient of your clinic uses that email address.');
    return { ok: true, data: { userId } };
  },
  // The id, not the email, goes in the address: addresses end up in logs and browser history.
  redirect: (_input, found) => `/manager/patients?patient=${found!.userId}`,
});

const CLOSE_REFUSALS = {
  'not-found': 'That patient is not in your clinic.',
  'already-closed': 'This account is already closed.',
  'in-care': 'This patient still has an open episode. Ask their clinician to discharge them first, then close the account.',
} as const;

export const closeAccountAction = formAction({
  access: 'manager',
  schema: closeAccountSchema,
  run: async ({ userId }) => {
    const outcome = await closePatientAccount(userId);
    if (outcome.status !== 'closed') return refused(CLOSE_REFUSALS[outcome.status]);
  },
  revalidate: '/manager/patients',
  redirect: ({ userId }) => `/manager/patients?patient=${userId}&result=closed`,
});
