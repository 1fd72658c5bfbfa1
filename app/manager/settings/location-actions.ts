'use server';

import { refresh } from 'next/cache';
import { updateClinicLocation } from '@/lib/dal/time-zones';
import { refusal, type ActionResult } from '@/lib/errors';
import { clinicLocationSchema } from '@/lib/validation/clinic-settings';
import { fieldErrorsOf, formFields } from '@/lib/validation/form-data';

export type LocationFormState = ActionResult & { values?: { timeZone?: string; country?: string } };

/** Manager: the clinic's time zone and country. A zone that is not an IANA name changes nothing. */
export async function updateClinicLocationAction(_previous: LocationFormState, form: FormData): Promise<LocationFormState> {
  if (!(form instanceof FormData)) return { ok: false, formError: 'Something was wrong with the form. Please try again.' };
  const fields = formFields(form);
  const parsed = clinicLocationSchema.safeParse(fields);
  if (!parsed.success) {
    const text = (key: string) => (typeof fields[key] === 'string' ? (fields[key] as string) : undefined);
    return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: { timeZone: text('timeZone'), country: text('country') } };
  }
  try {
    await updateClinicLocation(parsed.data);
  } catch (error) {
    return refusal(error);
  }
  refresh();
  return { ok: true, data: undefined };
}
