'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/patient/fields';
import { evaluateRedFlags } from '@/lib/clinical/red-flags';
import { submittedValues } from '@/components/patient/form-values';
import { createPainEntry, deletePainEntry, updatePainEntry, type ChangePainEntryResult } from '@/lib/dal/pain';
import { isAppError } from '@/lib/errors';
import { fieldErrorsOf, formDataToObject } from '@/lib/validation/form-data';
import { painEntryIdSchema, painEntrySchema, painEntryUpdateSchema } from '@/lib/validation/pain';

const NO_ACTIVE_CARE = 'Your care with the clinic has ended, so new entries can’t be added. Please contact the clinic.';

const CHANGE_MESSAGES: Record<Exclude<ChangePainEntryResult, 'updated' | 'deleted'>, string> = {
  'not-found': 'This entry could not be found.',
  conflict: 'This entry changed since you opened it. Please check it below and make your change again.',
  'too-late': 'Entries can only be changed or deleted within 24 hours of logging them.',
};

function refused(error: unknown): FormState {
  if (isAppError(error, 'forbidden') || isAppError(error, 'unauthenticated')) {
    return { ok: false, formError: 'Please sign in again as the patient to do this.' };
  }
  throw error;
}

/**
 * Logs pain now, with the red-flag answers, and answers with the result page's address (the form goes
 * there; that page shows any emergency advice). No redirect or revalidation here: either would make the
 * action's response carry a whole page render, several times the cost of the write itself.
 */
export async function logPainAction(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = painEntrySchema.safeParse(formDataToObject(form, { arrays: ['locations'], groups: ['redFlags'] }));
  if (!parsed.success) {
    return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: submittedValues(form), formError: 'Please check the answers marked below.' };
  }
  let entryId: string;
  try {
    const result = await createPainEntry(parsed.data);
    if (result.status === 'no-active-episode') return { ok: false, formError: NO_ACTIVE_CARE, values: submittedValues(form) };
    if (result.status === 'stale-form') {
      return { ok: false, formError: 'This form has expired. Please reload the page and try again.', values: submittedValues(form) };
    }
    entryId = result.entryId;
  } catch (error) {
    return refused(error);
  }
  return { ok: true, next: `/patient/pain/saved/${entryId}` };
}

/** Changes an own entry within 24 hours; a stale tab gets a conflict message instead of overwriting. */
export async function updatePainAction(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = painEntryUpdateSchema.safeParse(formDataToObject(form, { arrays: ['locations'], groups: ['redFlags'] }));
  if (!parsed.success) {
    return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: submittedValues(form), formError: 'Please check the answers marked below.' };
  }
  let result: ChangePainEntryResult;
  try {
    result = await updatePainEntry(parsed.data);
  } catch (error) {
    return refused(error);
  }
  if (result !== 'updated' && result !== 'deleted') return { ok: false, formError: CHANGE_MESSAGES[result], values: submittedValues(form) };
  revalidatePath('/patient', 'layout');
  // A yes to a safety question shows the advice at once, as after a new entry.
  redirect(evaluateRedFlags(parsed.data.redFlags).urgency ? `/patient/pain/saved/${parsed.data.id}` : '/patient/pain?changed=updated');
}

/** Deletes an own entry within 24 hours. */
export async function deletePainAction(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = painEntryIdSchema.safeParse(formDataToObject(form));
  if (!parsed.success) return { ok: false, formError: 'This entry could not be found.' };
  let result: ChangePainEntryResult;
  try {
    result = await deletePainEntry(parsed.data.id);
  } catch (error) {
    return refused(error);
  }
  if (result !== 'updated' && result !== 'deleted') return { ok: false, formError: CHANGE_MESSAGES[result] };
  revalidatePath('/patient', 'layout');
  redirect('/patient/pain?changed=deleted');
}
