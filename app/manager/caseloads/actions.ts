'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { reassignCaseload, reassignEpisode } from '@/lib/dal/reassign';
import { refusedTo } from '@/lib/errors';
import { pageNumberSchema } from '@/lib/validation/common';
import { formDataToObject } from '@/lib/validation/form-data';
import { idOrEmptySchema } from '@/lib/validation/ids';
import { reassignCaseloadSchema, reassignSchema } from '@/lib/validation/users';


export async function reassignEpisodeAction(form: FormData): Promise<void> {
  // A crafted request can put anything in any argument: refuse what is not a submitted form.
  if (!(form instanceof FormData)) return;
  const back = idOrEmptySchema.parse(form.get('back') ?? '');
  const parsed = reassignSchema.safeParse(formDataToObject(form));
  const outcome = parsed.success ? await reassignEpisode(parsed.data.episodeId, parsed.data.clinicianId).catch(refusedTo('/manager/caseloads')) : 'invalid-clinician';
  revalidatePath('/manager/caseloads');
  const params = new URLSearchParams({ result: outcome });
  if (back) params.set('clinician', back);
  // Back to the page of the list the manager was on.
  const page = pageNumberSchema.parse(form.get('page') ?? 1);
  if (page > 1) params.set('page', String(page));
  redirect(`/manager/caseloads?${params.toString()}`);
}

/** Moves a clinician's whole active caseload to a colleague (for example before they leave). */
export async function reassignCaseloadAction(form: FormData): Promise<void> {
  // A crafted request can put anything in any argument: refuse what is not a submitted form.
  if (!(form instanceof FormData)) return;
  const parsed = reassignCaseloadSchema.safeParse({ fromClinicianId: form.get('fromClinicianId'), clinicianId: form.get('clinicianId') });
  const result = parsed.success
    ? await reassignCaseload(parsed.data.fromClinicianId, parsed.data.clinicianId).catch(refusedTo('/manager/caseloads'))
    : { outcome: 'invalid-clinician' as const };
  revalidatePath('/manager', 'layout');
  const params = new URLSearchParams({ result: result.outcome === 'done' ? 'caseload-moved' : result.outcome });
  if (result.outcome === 'done') params.set('moved', String(result.moved));
  const from = idOrEmptySchema.parse(form.get('fromClinicianId') ?? '');
  if (from) params.set('clinician', from);
  redirect(`/manager/caseloads?${params.toString()}`);
}
