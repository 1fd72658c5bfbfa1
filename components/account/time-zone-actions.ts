'use server';

import { refresh } from 'next/cache';
import { setMyTimeZone } from '@/lib/dal/time-zones';
import { refusal, type ActionResult } from '@/lib/errors';
import { ownTimeZoneSchema } from '@/lib/validation/clinic-settings';
import { fieldErrorsOf, formFields } from '@/lib/validation/form-data';

export type TimeZoneFormState = ActionResult & { values?: { choice?: string; timeZone?: string } };

/** Any signed-in user: follow the clinic's time zone or choose their own. A bad zone changes nothing. */
export async function saveMyTimeZoneAction(_previous: TimeZoneFormState, form: FormData): Promise<TimeZoneFormState> {
  if (!(form instanceof FormData)) return { ok: false, formError: 'Something was wrong with the form. Please try again.' };
  const fields = formFields(form);
  const parsed = ownTimeZoneSchema.safeParse(fields);
  if (!parsed.success) {
    const text = (key: string) => (typeof fields[key] === 'string' ? (fields[key] as string) : undefined);
    return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: { choice: text('choice'), timeZone: text('timeZone') } };
  }
  try {
    await setMyTimeZone(parsed.data.timeZone);
  } catch (error) {
    return refusal(error);
  }
  refresh();
  return { ok: true, data: undefined };
}
