'use server';

import { revalidatePath } from 'next/cache';
import { dischargeEpisode } from '@/lib/dal/discharge';
import { reissueInvitation } from '@/lib/dal/onboarding';
import type { ActionResult } from '@/lib/errors';
import { fieldErrors, uuidSchema } from '@/lib/validation/common';
import { formDataToObject, typedValues } from '@/lib/validation/form-data';
import { dischargeSchema } from '@/lib/validation/onboarding';

export type DischargeFormState = ActionResult & { values?: Record<string, string> };

export async function dischargeAction(episodeId: string, _previous: DischargeFormState, form: FormData): Promise<DischargeFormState> {
  const id = uuidSchema.safeParse(episodeId);
  if (!id.success) return { ok: false, formError: 'This patient record could not be found.' };
  const submitted = formDataToObject(form);
  const values = typedValues(submitted);
  const parsed = dischargeSchema.safeParse(submitted);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error), values };
  const outcome = await dischargeEpisode(id.data, parsed.data.summary);
  if (outcome === 'not-found') return { ok: false, formError: 'This episode could not be discharged: it was not found or is already discharged.' };
  revalidatePath('/clinician', 'layout');
  return { ok: true };
}

export type InviteState = ActionResult & { link?: { path: string; expiresAt: string } };

export async function reissueInvitationAction(episodeId: string, _previous: InviteState, _form: FormData): Promise<InviteState> {
  const id = uuidSchema.safeParse(episodeId);
  if (!id.success) return { ok: false, formError: 'This patient record could not be found.' };
  const link = await reissueInvitation(id.data);
  if (!link) return { ok: false, formError: 'A new link cannot be made: the patient has already set a password, or the record was not found.' };
  return { ok: true, link: { path: link.path, expiresAt: link.expiresAt.toISOString() } };
}
