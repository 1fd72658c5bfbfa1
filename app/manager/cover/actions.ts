'use server';

import { markAway, markBack } from '@/lib/dal/cover';
import { formAction } from '@/lib/forms/action';
import type { FormValues } from '@/lib/forms/result';
import { awaySchema, backSchema } from '@/lib/validation/cover';

const PAGE = '/manager/cover';

/** Back to the cover page with the outcome in the address, beside the clinician's row unless all went well. */
function back(result: string, fields: FormValues | { clinicianId: string }): string {
  const params = new URLSearchParams({ result });
  if (typeof fields.clinicianId === 'string') params.set('clinician', fields.clinicianId.slice(0, 36));
  return `${PAGE}?${params.toString()}${result === 'done' ? '' : '#cover-table'}`;
}

/** Marks a clinician of the manager's clinic away with a cover; the outcome comes back in the address. */
export const markAwayAction = formAction({
  access: 'manager',
  schema: awaySchema,
  run: async ({ clinicianId, coverId }) => ({ ok: true, data: await markAway(clinicianId, coverId) }),
  revalidate: '/manager',
  redirect: (input, outcome) => back(outcome!, input),
  failed: (result, fields) => (result.fieldErrors ? back('invalid-cover', fields) : PAGE),
});

/** Marks an away clinician of the manager's clinic back. */
export const markBackAction = formAction({
  access: 'manager',
  schema: backSchema,
  run: async ({ clinicianId }) => ({ ok: true, data: await markBack(clinicianId) }),
  revalidate: '/manager',
  redirect: (input, outcome) => back(outcome === 'done' ? 'back' : outcome!, input),
  failed: (result, fields) => (result.fieldErrors ? back('not-found', fields) : PAGE),
});
