'use server';

import { revalidatePath } from 'next/cache';
import { onboardPatient } from '@/lib/dal/onboarding';
import type { ActionResult } from '@/lib/errors';
import { fieldErrors } from '@/lib/validation/common';
import { onboardingSchema } from '@/lib/validation/onboarding';

export type OnboardingState = ActionResult & {
  values?: Record<string, string>;
  created?: { episodeId: string; patientName: string; path: string; expiresAt: string };
};

const FIELDS = ['name', 'email', 'dateOfBirth', 'condition', 'intakeNprs', 'intervalWeeks'] as const;

export async function onboardPatientAction(_previous: OnboardingState, form: FormData): Promise<OnboardingState> {
  const values = Object.fromEntries(FIELDS.map((field) => [field, String(form.get(field) ?? '')]));
  const instruments = form.getAll('instruments').map(String);
  const parsed = onboardingSchema.safeParse({ ...values, instruments });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error), values };
  const outcome = await onboardPatient(parsed.data);
  if (outcome.status === 'email-taken') {
    return { ok: false, fieldErrors: { email: ['An account with this email address already exists.'] }, values };
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
