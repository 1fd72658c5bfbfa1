'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/patient/fields';
import { submittedValues } from '@/components/patient/form-values';
import { createSafetyCheck } from '@/lib/dal/safety-checks';
import { isAppError } from '@/lib/errors';
import { fieldErrorsOf, formDataToObject } from '@/lib/validation/form-data';
import { safetyCheckSchema } from '@/lib/validation/safety-check';

/** Stores the answers to the periodic safety questions and shows what they mean (any advice at once). */
export async function answerSafetyCheckAction(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = safetyCheckSchema.safeParse(formDataToObject(form, { groups: ['redFlags'] }));
  if (!parsed.success) {
    return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: submittedValues(form), formError: 'Please answer each question below.' };
  }
  let screenId: string;
  try {
    const result = await createSafetyCheck(parsed.data);
    if (result.status === 'no-active-episode') {
      return { ok: false, formError: 'Your care with the clinic has ended, so answers can’t be saved. Please contact the clinic.' };
    }
    if (result.status === 'stale-form') return { ok: false, formError: 'This form has expired. Please reload the page and try again.' };
    screenId = result.screenId;
  } catch (error) {
    if (isAppError(error, 'forbidden') || isAppError(error, 'unauthenticated')) {
      return { ok: false, formError: 'Please sign in again as the patient to do this.' };
    }
    throw error;
  }
  revalidatePath('/patient', 'layout');
  redirect(`/patient/safety-check/${screenId}`);
}
