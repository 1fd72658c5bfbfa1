'use server';

import { createExerciseLog, undoExerciseLog } from '@/lib/dal/exercise-logs';
import { formAction } from '@/lib/forms/action';
import { refused } from '@/lib/forms/result';
import { exerciseLogSchema, exerciseLogUndoSchema } from '@/lib/validation/exercise-log';

/** Records an exercise as done, partly done or skipped. A repeated submit of the same form saves once. */
export const logExerciseAction = formAction({
  access: 'patient',
  schema: exerciseLogSchema,
  invalid: 'Please check the answers marked below.',
  run: async (log) => {
    const result = await createExerciseLog(log);
    if (result === 'not-found') return refused('This exercise is no longer in your plan. Please go back to today’s list.');
    if (result === 'no-active-episode') return refused('Your care with the clinic has ended, so exercises can’t be logged.');
  },
  revalidate: '/patient',
  redirect: ({ planItemId, status }) => `/patient?saved=${planItemId}&status=${status}`,
});

/** Removes a log made today. */
export const undoExerciseLogAction = formAction({
  access: 'patient',
  schema: exerciseLogUndoSchema,
  invalid: 'This entry could not be found.',
  run: async ({ logId }) => {
    const result = await undoExerciseLog(logId);
    if (result === 'too-late') return refused('Only today’s entries can be undone.');
    if (result === 'not-found') return refused('This entry could not be found. It may already be undone.');
  },
  revalidate: '/patient',
});
