'use server';

import { createLibraryExercise } from '@/lib/dal/exercise-library';
import { formAction } from '@/lib/forms/action';
import { exerciseCreateSchema } from '@/lib/validation/plans';

export const createExerciseAction = formAction({
  access: 'clinician',
  schema: exerciseCreateSchema,
  run: async ({ submissionId, name, category, summary, instructions, safetyNote, perSide, ...dosage }) => {
    // One instruction per line, as the patient sees them: numbered steps.
    const steps = instructions.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    await createLibraryExercise({ submissionId, name, category, summary, instructions: steps, safetyNote, defaultDosage: { ...dosage, perSide: perSide === 'on' } });
    return { ok: true, data: { createdName: name } };
  },
  revalidate: '/clinician',
});
