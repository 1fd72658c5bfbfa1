'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { FormState } from '@/components/patient/fields';
import { submittedValues } from '@/components/patient/form-values';
import { completeQuestionnaire, getQuestionnaireSession, saveQuestionnaireDraft } from '@/lib/dal/questionnaires';
import { isAppError } from '@/lib/errors';
import { formDataToObject } from '@/lib/validation/form-data';
import { applyStep, finalAnswers, QUESTIONNAIRE_SLUGS, type QuestionnaireSlug } from '@/lib/validation/questionnaires';

const slugSchema = z.enum(Object.keys(QUESTIONNAIRE_SLUGS) as [QuestionnaireSlug, ...QuestionnaireSlug[]]);

/**
 * Saves one screen of a questionnaire and moves to the next; the last screen completes it and the server
 * scores it. Answers are kept after each screen, so leaving half-way loses nothing.
 */
export async function saveQuestionnaireStepAction(slug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const parsedSlug = slugSchema.safeParse(slug);
  if (!parsedSlug.success) return { ok: false, formError: 'This questionnaire could not be found.' };
  const instrument = QUESTIONNAIRE_SLUGS[parsedSlug.data];
  // Roland-Morris sends its ticked sentences as a list; the other instruments send one value per field.
  const values = formDataToObject(form, instrument === 'RMDQ' ? { arrays: ['statement'] } : {});
  let destination: string;
  try {
    const session = await getQuestionnaireSession(instrument);
    if (!session?.canAnswer) return { ok: false, formError: 'Your care with the clinic has ended, so questionnaires can’t be filled in.' };
    if (session.stored && values.submissionId !== session.submissionId) {
      // Another tab finished or restarted this questionnaire since this page was opened.
      return { ok: false, formError: 'This questionnaire changed in another window. Please reload the page to carry on.' };
    }
    const outcome = applyStep(instrument, session.draft, values);
    if (!outcome.ok) return { ok: false, fieldErrors: outcome.fieldErrors, formError: outcome.fieldErrors.form?.[0], values: submittedValues(form) };
    // applyStep checked the submitted id is a UUID; on a fresh start it becomes the response's id.
    const submissionId = String(values.submissionId);
    const answers = finalAnswers(instrument, outcome.draft);
    if (answers) {
      const result = await completeQuestionnaire(instrument, submissionId, answers);
      if (result.status !== 'completed' && result.status !== 'duplicate') {
        return { ok: false, formError: 'This questionnaire could not be saved. Please reload the page.' };
      }
      destination = `/patient/questionnaires/result/${result.responseId}`;
    } else {
      const saved = await saveQuestionnaireDraft(instrument, submissionId, outcome.draft);
      if (saved !== 'saved') return { ok: false, formError: 'This questionnaire changed in another window. Please reload the page to carry on.' };
      destination = `/patient/questionnaires/${parsedSlug.data}?step=${outcome.draft.step}`;
    }
  } catch (error) {
    if (isAppError(error, 'forbidden') || isAppError(error, 'unauthenticated')) {
      return { ok: false, formError: 'Please sign in again as the patient to do this.' };
    }
    throw error;
  }
  revalidatePath('/patient', 'layout');
  redirect(destination);
}
