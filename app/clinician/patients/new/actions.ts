'use server';

import type { Onboarded } from '@/components/clinician/onboarding-form';
import { onboardPatient } from '@/lib/dal/onboarding';
import { formAction } from '@/lib/forms/action';
import { fieldRefused } from '@/lib/forms/result';
import { onboardingSchema } from '@/lib/validation/onboarding';

/** The same words whether the address is used in this clinic or another (lib/dal/internal/email-in-use.ts). */
const EMAIL_IN_USE = 'This email address can’t be used for a new account. If the person already uses Uplift, we have let them know; ask them for another address.';

export const onboardPatientAction = formAction({
  access: 'clinician',
  schema: onboardingSchema,
  read: { arrays: ['instruments'] },
  run: async (patient) => {
    const outcome = await onboardPatient(patient);
    if (outcome.status === 'email-taken') return fieldRefused('email', EMAIL_IN_USE);
    const { episodeId, invitation } = outcome;
    return { ok: true, data: { episodeId, patientName: patient.name, path: invitation.path, expiresAt: invitation.expiresAt.toISOString() } satisfies Onboarded };
  },
  revalidate: '/clinician',
});
