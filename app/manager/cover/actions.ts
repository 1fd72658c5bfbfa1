'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { markAway, markBack } from '@/lib/dal/cover';
import { refusedTo } from '@/lib/errors';
import { awaySchema, backSchema } from '@/lib/validation/cover';
import { formFields } from '@/lib/validation/users';

const PAGE = '/manager/cover';

function back(result: string, clinicianId: unknown): never {
  const params = new URLSearchParams({ result });
  if (typeof clinicianId === 'string') params.set('clinician', clinicianId.slice(0, 36));
  redirect(`${PAGE}?${params.toString()}${result === 'done' ? '' : '#cover-table'}`);
}

/** Marks a clinician of the manager's clinic away with a cover; the outcome comes back in the address. */
export async function markAwayAction(form: FormData): Promise<void> {
  // A crafted request can put anything in any argument: refuse what is not a submitted form.
  if (!(form instanceof FormData)) return;
  const fields = formFields(form);
  const parsed = awaySchema.safeParse(fields);
  const outcome = parsed.success ? await markAway(parsed.data.clinicianId, parsed.data.coverId).catch(refusedTo(PAGE)) : 'invalid-cover';
  revalidatePath('/manager', 'layout');
  back(outcome, fields.clinicianId);
}

/** Marks an away clinician of the manager's clinic back. */
export async function markBackAction(form: FormData): Promise<void> {
  if (!(form instanceof FormData)) return;
  const fields = formFields(form);
  const parsed = backSchema.safeParse(fields);
  const outcome = parsed.success ? await markBack(parsed.data.clinicianId).catch(refusedTo(PAGE)) : 'not-found';
  revalidatePath('/manager', 'layout');
  back(outcome === 'done' ? 'back' : outcome, fields.clinicianId);
}
