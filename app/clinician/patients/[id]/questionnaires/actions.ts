'use server';

import { getScheduleToday, updateQuestionnaireSchedule } from '@/lib/dal/questionnaire-schedules';
import { AppError } from '@/lib/errors';
import { formAction } from '@/lib/forms/action';
import { refused } from '@/lib/forms/result';
import { questionnaireScheduleSchema } from '@/lib/validation/questionnaire-schedule';
import { onRecord, RECORD_NOT_FOUND } from '../episode-action';

/** Changes one questionnaire's schedule of the clinician's own patient; a refusal changes nothing. */
export const updateScheduleAction = formAction({
  ...onRecord,
  // "Today" is the patient's day: a request date is checked against it.
  schema: async ({ id }) => {
    const today = await getScheduleToday(id);
    if (!today) throw new AppError('not_found', RECORD_NOT_FOUND);
    return questionnaireScheduleSchema(today);
  },
  run: async (schedule, { id }) => {
    const outcome = await updateQuestionnaireSchedule(id, schedule);
    if (outcome === 'not-found') return refused(RECORD_NOT_FOUND);
    if (outcome === 'not-active') return refused('This patient has been discharged, so their questionnaires can’t be scheduled.');
  },
});
