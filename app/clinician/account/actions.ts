'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { markAway, markBack } from '@/lib/dal/cover';
import { setMyMorningDigest } from '@/lib/dal/notification-settings';
import { formAction } from '@/lib/forms/action';
import { refusedTo } from '@/lib/errors';
import { awaySchema, backSchema } from '@/lib/validation/cover';
import { formFields } from '@/lib/validation/users';

const PAGE = '/clinician/account';

/** The clinician marks themself away with a colleague covering; the outcome comes back in the address. */
export async function markMeAwayAction(form: FormData): Promise<void> {
  // A crafted request can put anything in any argument: refuse what is not a submitted form.
  if (!(form instanceof FormData)) return;
  const parsed = awaySchema.safeParse(formFields(form));
  const outcome = parsed.success ? await markAway(parsed.data.clinicianId, parsed.data.coverId).catch(refusedTo(PAGE)) : 'invalid-cover';
  revalidatePath('/clinician', 'layout');
  redirect(`${PAGE}?away=${outcome}#away-heading`);
}

/** The clinician marks themself back at work. */
export async function markMeBackAction(form: FormData): Promise<void> {
  if (!(form instanceof FormData)) return;
  const parsed = backSchema.safeParse(formFields(form));
  const outcome = parsed.success ? await markBack(parsed.data.clinicianId).catch(refusedTo(PAGE)) : 'not-found';
  revalidatePath('/clinician', 'layout');
  redirect(`${PAGE}?away=${outcome === 'done' ? 'back' : outcome}#away-heading`);
}

/** The clinician switches their morning summary on or off; a bad value changes nothing and says so. */
export const saveMorningDigestAction = formAction({
  access: 'clinician',
  schema: z.object({ morningDigest: z.enum(['on', 'off']) }).strict(),
  run: async ({ morningDigest }) => setMyMorningDigest(morningDigest === 'on'),
  redirect: () => `${PAGE}?digest=saved#digest-heading`,
  failed: () => `${PAGE}?digest=invalid#digest-heading`,
});
