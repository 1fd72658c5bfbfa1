'use server';

import { revalidatePath } from 'next/cache';
import { createLibraryExercise } from '@/lib/dal/exercise-library';
import type { ActionResult } from '@/lib/errors';
import { fieldErrors } from '@/lib/validation/common';
import { formDataToObject, typedValues } from '@/lib/validation/form-data';
import { exerciseCreateSchema } from '@/lib/validation/plans';

export type ExerciseFormState = ActionResult & { values?: Record<string, string>; createdName?: string };

export async function createExerciseAction(_previous: ExerciseFormState, form: FormData): Promise<ExerciseFormState> {
  const submitted = formDataToObject(form);
  const values = typedValues(submitted);
  const parsed = exerciseCreateSchema.safeParse(submitted);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error), values };
  const data = parsed.data;
  await createLibraryExercise({
    submissionId: data.submissionId,
    name: data.name,
    category: data.category,
    summary: data.summary,
    // One instruction per line, as the patient sees them: numbered steps.
    instructions: data.instructions.split(/\r?\n/).map((line) => line.trim()).filter(Boolean),
    safetyNote: data.safetyNote,
    defaultDosage: {
      sets: data.sets,
      reps: data.reps,
      holdSeconds: data.holdSeconds,
      durationMinutes: data.durationMinutes,
      timesPerDay: data.timesPerDay,
      daysPerWeek: data.daysPerWeek,
      perSide: data.perSide === 'on',
    },
  });
  revalidatePath('/clinician', 'layout');
  return { ok: true, createdName: data.name };
}
