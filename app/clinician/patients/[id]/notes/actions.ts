'use server';

import { createGoal, updateGoalStatus } from '@/lib/dal/goals';
import { createNote } from '@/lib/dal/notes';
import { formAction } from '@/lib/forms/action';
import { refused } from '@/lib/forms/result';
import { goalCreateSchema, goalStatusSchema } from '@/lib/validation/goals';
import { noteSchema } from '@/lib/validation/notes';
import { onRecord, RECORD_NOT_FOUND } from '../episode-action';

export const createNoteAction = formAction({
  ...onRecord,
  schema: noteSchema,
  run: async (note, { id }) => {
    if ((await createNote(id, note)) === 'not-found') return refused(note.amendsId ? 'The note to amend could not be found.' : RECORD_NOT_FOUND);
  },
});

export const createGoalAction = formAction({
  ...onRecord,
  schema: goalCreateSchema,
  run: async (goal, { id }) => {
    if ((await createGoal(id, goal)) === 'not-found') return refused(RECORD_NOT_FOUND);
  },
});

export const updateGoalStatusAction = formAction({
  ...onRecord,
  schema: goalStatusSchema,
  invalid: (error) => error.issues[0]?.message ?? 'Choose a status.',
  run: async ({ goalId, status }, { id }) => {
    if ((await updateGoalStatus(id, goalId, status)) === 'not-found') return refused('This goal could not be found.');
  },
});
