'use server';

import { createSafetyCheck } from '@/lib/dal/safety-checks';
import { formAction } from '@/lib/forms/action';
import { refused } from '@/lib/forms/result';
import { safetyCheckSchema } from '@/lib/validation/safety-check';

/** Stores the answers to the periodic safety questions and shows what they mean (any advice at once). */
export const answerSafetyCheckAction = formAction({
  access: 'patient',
  schema: safetyCheckSchema,
  read: { groups: ['redFlags'] },
  invalid: 'Please answer each question below.',
  run: async (answers) => {
    const result = await createSafetyCheck(answers);
    if (result.status === 'no-active-episode') return refused('Your care with the clinic has ended, so answers can’t be saved. Please contact the clinic.');
    if (result.status === 'stale-form') return refused('This form has expired. Please reload the page and try again.');
    return { ok: true, data: { screenId: result.screenId } };
  },
  revalidate: '/patient',
  redirect: (_answers, saved) => `/patient/safety-check/${saved!.screenId}`,
});
