'use server';

import { revalidatePath } from 'next/cache';
import { getScheduleToday, updateQuestionnaireSchedule } from '@/lib/dal/questionnaire-schedules';
import type { ActionResult } from '@/lib/errors';
import { fieldErrors, uuidSchema } from '@/lib/validation/common';
import { questionnaireScheduleSchema } from '@/lib/validation/questionnaire-schedule';

export type ScheduleFormState = ActionResult & { values?: Record<string, string>; saved?: boolean };

const NOT_FOUND = 'This patient record could not be found.';

/** Changes one questionnaire's schedule of the clinician's own patient; a refusal changes nothing. */
export async function updateScheduleAction(episodeId: string, _previous: ScheduleFormState, form: FormData): Promise<ScheduleFormState> {
  const id = uuidSchema.safeParse(episodeId);
  if (!id.success) return { ok: false, formError: NOT_FOUND };
  const values = Object.fromEntries(['instrument', 'enabled', 'intervalWeeks', 'requestBy'].map((name) => [name, String(form.get(name) ?? '')]));
  // "Today" is the patient's day: a request date is checked against it.
  const today = await getScheduleToday(id.data);
  if (!today) return { ok: false, formError: NOT_FOUND };
  const parsed = questionnaireScheduleSchema(today).safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error), values };
  const outcome = await updateQuestionnaireSchedule(id.data, parsed.data);
  if (outcome === 'not-found') return { ok: false, formError: NOT_FOUND, values };
  if (outcome === 'not-active') return { ok: false, formError: 'This patient has been discharged, so their questionnaires can’t be scheduled.', values };
  revalidatePath(`/clinician/patients/${id.data}`, 'layout');
  return { ok: true, saved: true };
}
