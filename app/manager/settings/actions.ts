'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import { formFields } from '@/lib/validation/form-data';
import { updateClinicSecurity } from '@/lib/dal/account';
import { isAppError, type ActionResult } from '@/lib/errors';

// Checkboxes send "on" when ticked and nothing when not.
const checkbox = z.literal('on').optional().transform((value) => value === 'on');
const schema = z.object({ mfaRequiredForManagers: checkbox, mfaRequiredForClinicians: checkbox }).strict();

export async function updateClinicSecurityAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const parsed = schema.safeParse(formFields(form));
  if (!parsed.success) return { ok: false, formError: 'Something was wrong with the form. Please try again.' };
  try {
    await updateClinicSecurity(parsed.data);
  } catch (error) {
    if (isAppError(error)) return { ok: false, formError: error.message };
    throw error;
  }
  refresh();
  return { ok: true, data: undefined };
}
