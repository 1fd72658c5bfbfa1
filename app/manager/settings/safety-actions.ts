'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import { updateSafetySettings } from '@/lib/dal/escalations';
import { refusal, type ActionResult } from '@/lib/errors';
import { safetySettingsSchema } from '@/lib/validation/cover';
import { formFields } from '@/lib/validation/form-data';

export type SafetyFormState = ActionResult & { values?: Record<string, string> };

/** Manager → Settings → Patient safety: the safety lead and the escalation windows. */
export async function updateSafetySettingsAction(_previous: SafetyFormState, form: FormData): Promise<SafetyFormState> {
  // A crafted request can put anything in any argument: refuse what is not a submitted form.
  if (!(form instanceof FormData)) return { ok: false, formError: 'Something was wrong with the form. Please reload the page and try again.' };
  const fields = formFields(form);
  // What was typed, so a refused form keeps it (React resets a form after its action).
  const values = Object.fromEntries(
    ['safetyLeadId', 'emergencyMinutes', 'sameDayMinutes', 'reviewMinutes'].map((name) => [name, typeof fields[name] === 'string' ? (fields[name] as string).slice(0, 40) : '']),
  );
  const parsed = safetySettingsSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const outcome = await updateSafetySettings({
    safetyLeadId: parsed.data.safetyLeadId,
    windows: { emergency: parsed.data.emergencyMinutes, 'same-day': parsed.data.sameDayMinutes, '24h': parsed.data.reviewMinutes },
  }).catch(refusal);
  if (typeof outcome === 'object') return { ...outcome, values };
  if (outcome === 'invalid-lead') {
    return { ok: false, fieldErrors: { safetyLeadId: ['Choose an active clinician of your clinic.'] }, values };
  }
  refresh();
  return { ok: true };
}
