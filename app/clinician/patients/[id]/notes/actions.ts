'use server';

import { createGoal, updateGoalStatus } from '@/lib/dal/goals';
import { createNote } from '@/lib/dal/notes';
import { formAction } from '@/lib/forms/action';
import { refused } from '@/lib/forms/result';
import { uuidSchema } from '@/lib/validation/fields';
import { goalCreateSchema, goalStatusSchema } from '@/lib/validation/goals';
import { noteSchema } from '@/lib/validation/notes';

const NOT_FOUND = 'This patient record could not be found.';
/** The episode's record, bound in the page (`.bind(null, episodeId)`); saved changes show there at once. */
const record = { access: 'clinician', id: uuidSchema, notFound: NOT_FOUND, revalidate: (_input: unknown, { id }: { id: string }) => `/clinician/patients/${id}` } as const;

export const createNoteAction = formAction({
  ...record,
  schema: noteSchema,
  run: async (note, { id }) => {
    if ((await createNote(id, note)) === 'not-found') return refused(note.amendsId ? 'The note to amend could not be found.' : NOT_FOUND);
  },
});

export const createGoalAction = formAction({
  ...record,
  schema: goalCreateSchema,
  run: async (goal, { id }) => {
    if ((await createGoal(id, goal)) === 'not-found') return refused(NOT_FOUND);
  },
});

export const updateGoalStatusAction = formAction({
  ...record,
  schema: goalStatusSchema,
  invalid: (error) => error.issues[0]?.message ?? 'Choose a status.',
  run: async ({ goalId, status }, { id }) => {
    if ((await updateGoalStatus(id, goalId, status)) === 'not-found') return refused('This goal could not be found.');
  },
});
