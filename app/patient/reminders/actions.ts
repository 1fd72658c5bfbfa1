'use server';

import { refresh } from 'next/cache';
import { saveMyReminderPreferences } from '@/lib/dal/reminder-preferences';
import { refusal, type ActionResult } from '@/lib/errors';
import { fieldErrorsOf, formDataToObject } from '@/lib/validation/form-data';
import { reminderPreferencesSchema } from '@/lib/validation/reminders';

export type ReminderFormState = ActionResult & { values?: { exerciseTimes: string[]; quiet: boolean; quietStart: string; quietEnd: string; channel: string[] } };

/** Patient: saves their reminder preferences. Anything refused is shown beside its field and nothing is saved. */
export async function saveReminderPreferencesAction(_previous: ReminderFormState, form: FormData): Promise<ReminderFormState> {
  if (!(form instanceof FormData)) return { ok: false, formError: 'Something was wrong with the form. Please try again.' };
  const fields = formDataToObject(form, { arrays: ['exerciseTimes'], groups: ['channel'] });
  const parsed = reminderPreferencesSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: sentValues(fields) };
  try {
    await saveMyReminderPreferences(parsed.data);
  } catch (error) {
    return refusal(error);
  }
  refresh();
  return { ok: true, data: undefined };
}

/** What was sent, to show the form again as the patient left it. */
function sentValues(fields: Record<string, unknown>): NonNullable<ReminderFormState['values']> {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const times = Array.isArray(fields.exerciseTimes) ? fields.exerciseTimes.map(text) : [];
  const channel = fields.channel && typeof fields.channel === 'object' ? Object.keys(fields.channel) : [];
  return { exerciseTimes: times, quiet: fields.quiet === 'on', quietStart: text(fields.quietStart), quietEnd: text(fields.quietEnd), channel };
}
