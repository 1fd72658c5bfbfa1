'use server';

import { z } from 'zod';
import { completeQuestionnaire, getQuestionnaireSession, saveQuestionnaireDraft } from '@/lib/dal/questionnaires';
import { formAction } from '@/lib/forms/action';
import { refused } from '@/lib/forms/result';
import { applyStep, finalAnswers, QUESTIONNAIRE_SLUGS, type QuestionnaireSlug } from '@/lib/validation/questionnaires';

const slugSchema = z.enum(Object.keys(QUESTIONNAIRE_SLUGS) as [QuestionnaireSlug, ...QuestionnaireSlug[]]);
const CHANGED_ELSEWHERE = 'This questionnaire changed in another window. Please reload the page to carry on.';

/**
 * Saves one screen of a questionnaire and moves to the next; the last screen completes it and the server
 * scores it. Answers are kept after each screen, so leaving half-way loses nothing. Each screen's fields
 * depend on the answers so far, so `applyStep` parses them (strictly) against the stored draft.
 */
export const saveQuestionnaireStepAction = formAction({
  access: 'patient',
  id: slugSchema,
  notFound: 'This questionnaire could not be found.',
  schema: z.record(z.string(), z.unknown()),
  // Roland-Morris sends its ticked sentences as a list; the other instruments send one value per field.
  read: ({ id }) => (QUESTIONNAIRE_SLUGS[id] === 'RMDQ' ? { arrays: ['statement'] } : {}),
  run: async (values, { id: slug }) => {
    const instrument = QUESTIONNAIRE_SLUGS[slug];
    const session = await getQuestionnaireSession(instrument);
    if (!session?.canAnswer) return refused('Your care with the clinic has ended, so questionnaires can’t be filled in.');
    // Another tab finished or restarted this questionnaire since this page was opened.
    if (session.stored && values.submissionId !== session.submissionId) return refused(CHANGED_ELSEWHERE);
    const outcome = applyStep(instrument, session.draft, values);
    if (!outcome.ok) return refused(outcome.fieldErrors.form?.[0], outcome.fieldErrors);
    // applyStep checked the submitted id is a UUID; on a fresh start it becomes the response's id.
    const submissionId = String(values.submissionId);
    const answers = finalAnswers(instrument, outcome.draft);
    if (answers) {
      const result = await completeQuestionnaire(instrument, submissionId, answers);
      if (result.status !== 'completed' && result.status !== 'duplicate') return refused('This questionnaire could not be saved. Please reload the page.');
      return { ok: true, data: `/patient/questionnaires/result/${result.responseId}` };
    }
    if ((await saveQuestionnaireDraft(instrument, submissionId, outcome.draft)) !== 'saved') return refused(CHANGED_ELSEWHERE);
    return { ok: true, data: `/patient/questionnaires/${slug}?step=${outcome.draft.step}` };
  },
  revalidate: '/patient',
  redirect: (_values, next) => next,
});
