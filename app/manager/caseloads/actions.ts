'use server';

import { z } from 'zod';
import { reassignCaseload, reassignEpisode } from '@/lib/dal/reassign';
import { formAction } from '@/lib/forms/action';
import type { FormValues } from '@/lib/forms/result';
import { pageNumberSchema } from '@/lib/validation/common';
import { idOrEmptySchema } from '@/lib/validation/ids';
import { reassignCaseloadSchema, reassignSchema } from '@/lib/validation/users';

const PAGE = '/manager/caseloads';

/** Back to the list the manager was on (its clinician filter and page), with the outcome in the address. */
function back(result: string, fields: FormValues | { back?: string; page?: string }, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ result, ...extra });
  const clinician = idOrEmptySchema.parse(fields.back ?? '');
  if (clinician) params.set('clinician', clinician);
  const page = pageNumberSchema.parse(fields.page ?? 1);
  if (page > 1) params.set('page', String(page));
  return `${PAGE}?${params.toString()}`;
}

export const reassignEpisodeAction = formAction({
  access: 'manager',
  schema: reassignSchema,
  run: async ({ episodeId, clinicianId }) => ({ ok: true, data: await reassignEpisode(episodeId, clinicianId) }),
  revalidate: PAGE,
  redirect: (input, outcome) => back(outcome!, input),
  failed: (result, fields) => (result.fieldErrors ? back('invalid-clinician', fields) : PAGE),
});

/** Moves a clinician's whole active caseload to a colleague (for example before they leave). */
export const reassignCaseloadAction = formAction({
  access: 'manager',
  schema: reassignCaseloadSchema,
  run: async ({ fromClinicianId, clinicianId }) => ({ ok: true, data: await reassignCaseload(fromClinicianId, clinicianId) }),
  revalidate: '/manager',
  redirect: ({ fromClinicianId }, result) =>
    result!.outcome === 'done'
      ? back('caseload-moved', { back: fromClinicianId }, { moved: String(result!.moved) })
      : back(result!.outcome, { back: fromClinicianId }),
  failed: (result, fields) => (result.fieldErrors ? back('invalid-clinician', { back: z.string().catch('').parse(fields.fromClinicianId) }) : PAGE),
});
