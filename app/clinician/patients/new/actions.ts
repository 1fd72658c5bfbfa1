'use server';

import { revalidatePath } from 'next/cache';
import { onboardPatient } from '@/lib/dal/onboarding';
import type { ActionResult } from '@/lib/errors';
import { fieldErrors } from '@/lib/validation/common';
import { formDataToObject, typedValues } from '@/lib/validation/form-data';
import { onboardingSchema } from '@/lib/validation/onboarding';

/** The same words whether the address is used in this clinic or another (lib/dal/internal/email-in-use.ts). */
const EMAIL_IN_USE = 'This email address can’t be used for a new account. If the person already uses Uplift, we have let them know; ask them for another address.';

export type OnboardingState = ActionResult & {
  values?: Record<string, string>;
  created?: { episodeId: string; patientName: string; path: string; expiresAt: string };
};

export async function onboardPatientAction(_previous: OnboardingState, form: FormData): Promise<OnboardingState> {
  const submitted = formDataToObject(form, { arrays: ['instruments'] });
  const values = typedValues(submitted);
  const parsed = onboardingSchema.safeParse(submitted);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error), values };
  const outcome = await onboardPatient(parsed.data);
  if (outcome.status === 'email-taken') {
    return { ok: false, fieldErrors: { email: [EMAIL_IN_USE] }, values };
  }
  revalidatePath('/clinician');
  return {
    ok: true,
    created: {
      episodeId: outcome.episodeId,
      patientName: parsed.data.name,
      path: outcome.invitation.path,
      expiresAt: outcome.invitation.expiresAt.toISOString(),
    },
  };
}
