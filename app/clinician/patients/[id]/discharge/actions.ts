'use server';

import { z } from 'zod';
import type { InvitationLink } from '@/components/clinician/invitation-link';
import { dischargeEpisode } from '@/lib/dal/discharge';
import { reissueInvitation } from '@/lib/dal/onboarding';
import { formAction } from '@/lib/forms/action';
import { refused } from '@/lib/forms/result';
import { dischargeSchema } from '@/lib/validation/onboarding';
import { onEpisode } from '../episode-action';

export const dischargeAction = formAction({
  ...onEpisode,
  schema: dischargeSchema,
  run: async ({ summary }, { id }) => {
    if ((await dischargeEpisode(id, summary)) === 'not-found') return refused('This episode could not be discharged: it was not found or is already discharged.');
  },
  revalidate: '/clinician',
});

/** A new one-time link for a patient who has not set a password yet; the link is shown once, never stored. */
export const reissueInvitationAction = formAction({
  ...onEpisode,
  schema: z.object({}).strict(),
  run: async (_input, { id }) => {
    const link = await reissueInvitation(id);
    if (!link) return refused('A new link cannot be made: the patient has already set a password, or the record was not found.');
    return { ok: true, data: { path: link.path, expiresAt: link.expiresAt.toISOString() } satisfies InvitationLink };
  },
});
