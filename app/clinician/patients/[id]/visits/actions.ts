'use server';

import { revalidatePath } from 'next/cache';
import { bookVisit } from '@/lib/dal/appointments';
import type { ActionResult } from '@/lib/errors';
import { visitBookingSchema } from '@/lib/validation/appointments';
import { fieldErrors, uuidSchema } from '@/lib/validation/common';
import { formDataToObject, typedValues } from '@/lib/validation/form-data';

export type VisitFormState = ActionResult & { values?: Record<string, string>; saved?: boolean };

const NOT_FOUND = 'This patient record could not be found.';

/** Parse, one DAL call (which checks the clinician's right to the episode and the booking rules), result. */
export async function bookVisitAction(episodeId: string, _previous: VisitFormState, form: FormData): Promise<VisitFormState> {
  const id = uuidSchema.safeParse(episodeId);
  if (!id.success) return { ok: false, formError: NOT_FOUND };
  const submitted = formDataToObject(form);
  const values = typedValues(submitted);
  const parsed = visitBookingSchema.safeParse(submitted);
  if (!parsed.success) return { ok: false, formError: 'Check the answers marked below.', fieldErrors: fieldErrors(parsed.error), values };
  const outcome = await bookVisit(id.data, parsed.data);
  if (outcome.status === 'not-found') return { ok: false, formError: NOT_FOUND, values };
  if (outcome.status === 'refused') {
    return outcome.field ? { ok: false, formError: 'The visit was not booked.', fieldErrors: { [outcome.field]: [outcome.message] }, values } : { ok: false, formError: outcome.message, values };
  }
  revalidatePath(`/clinician/patients/${id.data}/visits`);
  return { ok: true, saved: true };
}
