'use server';

import { z } from 'zod';
import { markAway, markBack } from '@/lib/dal/cover';
import { setMyMorningDigest } from '@/lib/dal/notification-settings';
import { formAction } from '@/lib/forms/action';
import { awaySchema, backSchema } from '@/lib/validation/cover';

const PAGE = '/clinician/account';
const outcomeAt = (outcome: string) => `${PAGE}?away=${outcome}#away-heading`;

/** The clinician marks themself away with a colleague covering; the outcome comes back in the address. */
export const markMeAwayAction = formAction({
  access: 'clinician',
  schema: awaySchema,
  run: async ({ clinicianId, coverId }) => ({ ok: true, data: await markAway(clinicianId, coverId) }),
  revalidate: '/clinician',
  redirect: (_input, outcome) => outcomeAt(outcome!),
  failed: (result) => (result.fieldErrors ? outcomeAt('invalid-cover') : PAGE),
});

/** The clinician marks themself back at work. */
export const markMeBackAction = formAction({
  access: 'clinician',
  schema: backSchema,
  run: async ({ clinicianId }) => ({ ok: true, data: await markBack(clinicianId) }),
  revalidate: '/clinician',
  redirect: (_input, outcome) => outcomeAt(outcome === 'done' ? 'back' : outcome!),
  failed: (result) => (result.fieldErrors ? outcomeAt('not-found') : PAGE),
});

/** The clinician switches their morning summary on or off; a bad value changes nothing and says so. */
export const saveMorningDigestAction = formAction({
  access: 'clinician',
  schema: z.object({ morningDigest: z.enum(['on', 'off']) }).strict(),
  run: async ({ morningDigest }) => setMyMorningDigest(morningDigest === 'on'),
  redirect: () => `${PAGE}?digest=saved#digest-heading`,
  failed: () => `${PAGE}?digest=invalid#digest-heading`,
});
