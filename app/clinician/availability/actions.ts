'use server';

import { revalidatePath } from 'next/cache';
import { addAvailabilityException, addWeeklyWindow, removeAvailabilityException, removeWeeklyWindow } from '@/lib/dal/availability';
import { refusal, type ActionResult } from '@/lib/errors';
import { availabilityExceptionSchema, weeklyWindowSchema } from '@/lib/validation/appointments';
import { fieldErrors } from '@/lib/validation/common';
import { formDataToObject, typedValues } from '@/lib/validation/form-data';
import { z } from 'zod';

export type AvailabilityFormState = ActionResult & { values?: Record<string, string>; saved?: boolean };

const PATH = '/clinician/availability';
const idSchema = z.object({ id: z.uuid('Unknown period.') }).strict();

export async function addWeeklyWindowAction(_previous: AvailabilityFormState, form: FormData): Promise<AvailabilityFormState> {
  const submitted = formDataToObject(form);
  const values = typedValues(submitted);
  const parsed = weeklyWindowSchema.safeParse(submitted);
  if (!parsed.success) return { ok: false, formError: 'Check the answers marked below.', fieldErrors: fieldErrors(parsed.error), values };
  const outcome = await addWeeklyWindow(parsed.data).catch(refusal);
  if (typeof outcome === 'object') return { ...outcome, values };
  if (outcome === 'overlap') return { ok: false, formError: 'The hours were not added.', fieldErrors: { startTime: ['These hours overlap hours you already have on that day.'] }, values };
  revalidatePath(PATH);
  return { ok: true, saved: true };
}

export async function addExceptionAction(_previous: AvailabilityFormState, form: FormData): Promise<AvailabilityFormState> {
  const submitted = formDataToObject(form);
  const values = typedValues(submitted);
  const parsed = availabilityExceptionSchema.safeParse(submitted);
  if (!parsed.success) return { ok: false, formError: 'Check the answers marked below.', fieldErrors: fieldErrors(parsed.error), values };
  const outcome = await addAvailabilityException(parsed.data).catch(refusal);
  if (typeof outcome === 'object') return { ...outcome, values };
  revalidatePath(PATH);
  return { ok: true, saved: true };
}

export async function removeWeeklyWindowAction(_previous: AvailabilityFormState, form: FormData): Promise<AvailabilityFormState> {
  const parsed = idSchema.safeParse(formDataToObject(form));
  if (!parsed.success) return { ok: false, formError: 'These hours could not be found.' };
  const outcome = await removeWeeklyWindow(parsed.data.id).catch(refusal);
  if (typeof outcome === 'object') return outcome;
  if (outcome === 'not-found') return { ok: false, formError: 'These hours could not be found.' };
  revalidatePath(PATH);
  return { ok: true };
}

export async function removeExceptionAction(_previous: AvailabilityFormState, form: FormData): Promise<AvailabilityFormState> {
  const parsed = idSchema.safeParse(formDataToObject(form));
  if (!parsed.success) return { ok: false, formError: 'This change could not be found.' };
  const outcome = await removeAvailabilityException(parsed.data.id).catch(refusal);
  if (typeof outcome === 'object') return outcome;
  if (outcome === 'not-found') return { ok: false, formError: 'This change could not be found.' };
  revalidatePath(PATH);
  return { ok: true };
}
