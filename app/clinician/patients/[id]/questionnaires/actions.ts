'use server';

import { getScheduleToday, updateQuestionnaireSchedule } from '@/lib/dal/questionnaire-schedules';
import { AppError } from '@/lib/errors';
import { formAction } from '@/lib/forms/action';
import { refused } from '@/lib/forms/result';
import { uuidSchema } from '@/lib/validation/fields';
import { questionnaireScheduleSchema } from '@/lib/validation/questionnaire-schedule';

const NOT_FOUND = 'This patient record could not be found.';

/** Changes one questionnaire's schedule of the clinician's own patient; a refusal changes nothing. */
export const updateScheduleAction = formAction({
  access: 'clinician',
  id: uuidSchema,
  notFound: NOT_FOUND,
  // "Today" is the patient's day: a request date is checked against it.
  schema: async ({ id }) => {
    const today = await getScheduleToday(id);
    if (!today) throw new AppError('not_found', NOT_FOUND);
    return questionnaireScheduleSchema(today);
  },
  run: async (schedule, { id }) => {
    const outcome = await updateQuestionnaireSchedule(id, schedule);
    if (outcome === 'not-found') return refused(NOT_FOUND);
    if (outcome === 'not-active') return refused('This patient has been discharged, so their questionnaires can’t be scheduled.');
  },
  revalidate: (_schedule, { id }) => `/clinician/patients/${id}`,
});
