'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/patient/fields';
import { submittedValues } from '@/components/patient/form-values';
import { createExerciseLog, undoExerciseLog, type CreateExerciseLogResult, type UndoExerciseLogResult } from '@/lib/dal/exercise-logs';
import { isAppError } from '@/lib/errors';
import { exerciseLogSchema, exerciseLogUndoSchema } from '@/lib/validation/exercise-log';
import { fieldErrorsOf, formDataToObject } from '@/lib/validation/form-data';

function refused(error: unknown): FormState {
  if (isAppError(error, 'forbidden') || isAppError(error, 'unauthenticated')) {
    return { ok: false, formError: 'Please sign in again as the patient to do this.' };
  }
  throw error;
}

/** Records an exercise as done, partly done or skipped. A repeated submit of the same form saves once. */
export async function logExerciseAction(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = exerciseLogSchema.safeParse(formDataToObject(form));
  if (!parsed.success) {
    return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: submittedValues(form), formError: 'Please check the answers marked below.' };
  }
  let result: CreateExerciseLogResult;
  try {
    result = await createExerciseLog(parsed.data);
  } catch (error) {
    return refused(error);
  }
  if (result === 'not-found') return { ok: false, formError: 'This exercise is no longer in your plan. Please go back to today’s list.' };
  if (result === 'no-active-episode') return { ok: false, formError: 'Your care with the clinic has ended, so exercises can’t be logged.' };
  revalidatePath('/patient', 'layout');
  redirect(`/patient?saved=${parsed.data.planItemId}&status=${parsed.data.status}`);
}

/** Removes a log made today. */
export async function undoExerciseLogAction(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = exerciseLogUndoSchema.safeParse(formDataToObject(form));
  if (!parsed.success) return { ok: false, formError: 'This entry could not be found.' };
  let result: UndoExerciseLogResult;
  try {
    result = await undoExerciseLog(parsed.data.logId);
  } catch (error) {
    return refused(error);
  }
  if (result === 'too-late') return { ok: false, formError: 'Only today’s entries can be undone.' };
  if (result === 'not-found') return { ok: false, formError: 'This entry could not be found. It may already be undone.' };
  revalidatePath('/patient', 'layout');
  return { ok: true };
}
