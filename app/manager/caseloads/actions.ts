'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { reassignEpisode } from '@/lib/dal/reassign';
import { refusedTo } from '@/lib/errors';
import { reassignSchema } from '@/lib/validation/users';

const backSchema = z.union([z.literal(''), z.uuid()]).catch('');
const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

export async function reassignEpisodeAction(form: FormData): Promise<void> {
  // A crafted request can put anything in any argument: refuse what is not a submitted form.
  if (!(form instanceof FormData)) return;
  const back = backSchema.parse(form.get('back') ?? '');
  const parsed = reassignSchema.safeParse({ episodeId: form.get('episodeId'), clinicianId: form.get('clinicianId') });
  const outcome = parsed.success ? await reassignEpisode(parsed.data.episodeId, parsed.data.clinicianId).catch(refusedTo('/manager/caseloads')) : 'invalid-clinician';
  revalidatePath('/manager/caseloads');
  const params = new URLSearchParams({ result: outcome });
  if (back) params.set('clinician', back);
  // Back to the page of the list the manager was on.
  const page = pageSchema.parse(form.get('page') ?? 1);
  if (page > 1) params.set('page', String(page));
  redirect(`/manager/caseloads?${params.toString()}`);
}
