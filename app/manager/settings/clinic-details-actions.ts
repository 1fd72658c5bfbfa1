'use server';

import { refresh } from 'next/cache';
import { updateClinicContact } from '@/lib/dal/clinic-contact';
import { setRetentionYears } from '@/lib/dal/retention';
import { refusal, type ActionResult } from '@/lib/errors';
import { clinicContactSchema, retentionSchema } from '@/lib/validation/clinic-settings';
import { fieldErrorsOf, formFields } from '@/lib/validation/form-data';

export type SettingsFormState = ActionResult & { values?: Record<string, string> };

function submitted(form: FormData): Record<string, string> {
  return Object.fromEntries(Object.entries(formFields(form)).map(([key, value]) => [key, typeof value === 'string' ? value : '']));
}

export async function updateClinicContactAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  if (!(form instanceof FormData)) return { ok: false, formError: 'Something was wrong with the form. Please try again.' };
  const parsed = clinicContactSchema.safeParse(formFields(form));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: submitted(form) };
  try {
    await updateClinicContact(parsed.data);
  } catch (error) {
    return refusal(error);
  }
  refresh();
  return { ok: true, data: undefined };
}

export async function updateRetentionAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  if (!(form instanceof FormData)) return { ok: false, formError: 'Something was wrong with the form. Please try again.' };
  const parsed = retentionSchema.safeParse(formFields(form));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: submitted(form) };
  try {
    await setRetentionYears(parsed.data.retentionYears);
  } catch (error) {
    return refusal(error);
  }
  refresh();
  return { ok: true, data: undefined };
}
