'use server';

import { refresh } from 'next/cache';
import { setNudgeDays } from '@/lib/dal/reminder-preferences';
import { refusal } from '@/lib/errors';
import { fieldErrorsOf, formFields } from '@/lib/validation/form-data';
import { nudgeDaysSchema } from '@/lib/validation/reminders';
import type { SettingsFormState } from './clinic-details-actions';

/** Manager: days with nothing logged before a patient's gentle nudge. A bad number changes nothing. */
export async function updateNudgeDaysAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  if (!(form instanceof FormData)) return { ok: false, formError: 'Something was wrong with the form. Please try again.' };
  const fields = formFields(form);
  const parsed = nudgeDaysSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: { nudgeDays: typeof fields.nudgeDays === 'string' ? fields.nudgeDays : '' } };
  try {
    await setNudgeDays(parsed.data.nudgeDays);
  } catch (error) {
    return refusal(error);
  }
  refresh();
  return { ok: true, data: undefined };
}
