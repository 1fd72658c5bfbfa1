'use server';

import { revalidatePath } from 'next/cache';
import { createGoal, updateGoalStatus } from '@/lib/dal/goals';
import { createNote } from '@/lib/dal/notes';
import type { ActionResult } from '@/lib/errors';
import { fieldErrors, uuidSchema } from '@/lib/validation/common';
import { formDataToObject, typedValues } from '@/lib/validation/form-data';
import { goalCreateSchema, goalStatusSchema } from '@/lib/validation/goals';
import { noteSchema } from '@/lib/validation/notes';

export type RecordFormState = ActionResult & { values?: Record<string, string>; saved?: boolean };

const NOT_FOUND = 'This patient record could not be found.';

export async function createNoteAction(episodeId: string, _previous: RecordFormState, form: FormData): Promise<RecordFormState> {
  const id = uuidSchema.safeParse(episodeId);
  if (!id.success) return { ok: false, formError: NOT_FOUND };
  const submitted = formDataToObject(form);
  const values = typedValues(submitted);
  const parsed = noteSchema.safeParse(submitted);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error), values };
  const outcome = await createNote(id.data, parsed.data);
  if (outcome === 'not-found') return { ok: false, formError: parsed.data.amendsId ? 'The note to amend could not be found.' : NOT_FOUND, values };
  revalidatePath(`/clinician/patients/${id.data}`, 'layout');
  return { ok: true, saved: true };
}

export async function createGoalAction(episodeId: string, _previous: RecordFormState, form: FormData): Promise<RecordFormState> {
  const id = uuidSchema.safeParse(episodeId);
  if (!id.success) return { ok: false, formError: NOT_FOUND };
  const submitted = formDataToObject(form);
  const values = typedValues(submitted);
  const parsed = goalCreateSchema.safeParse(submitted);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error), values };
  const outcome = await createGoal(id.data, parsed.data);
  if (outcome === 'not-found') return { ok: false, formError: NOT_FOUND };
  revalidatePath(`/clinician/patients/${id.data}`, 'layout');
  return { ok: true, saved: true };
}

export async function updateGoalStatusAction(episodeId: string, _previous: RecordFormState, form: FormData): Promise<RecordFormState> {
  const id = uuidSchema.safeParse(episodeId);
  if (!id.success) return { ok: false, formError: NOT_FOUND };
  const parsed = goalStatusSchema.safeParse(formDataToObject(form));
  if (!parsed.success) return { ok: false, formError: parsed.error.issues[0]?.message ?? 'Choose a status.' };
  const outcome = await updateGoalStatus(id.data, parsed.data.goalId, parsed.data.status);
  if (outcome === 'not-found') return { ok: false, formError: 'This goal could not be found.' };
  revalidatePath(`/clinician/patients/${id.data}`, 'layout');
  return { ok: true, saved: true };
}
