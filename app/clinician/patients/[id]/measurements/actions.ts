'use server';

import { revalidatePath } from 'next/cache';
import { zonedTimeToUtc } from '@/lib/time';
import { requireRole } from '@/lib/auth/viewer';
import { correctMeasurement, createMeasurements, deleteMeasurement } from '@/lib/dal/measurements';
import type { ActionResult } from '@/lib/errors';
import { fieldErrors, uuidSchema } from '@/lib/validation/common';
import { formDataToObject, typedValues } from '@/lib/validation/form-data';
import { checkMeasurementSet, measurementEditSchema, measurementIdSchema, measurementSetSchema } from '@/lib/validation/measurements';

export type MeasurementFormState = ActionResult & { warnings?: Record<string, string>; values?: Record<string, string>; saved?: number };

const NOT_FOUND = 'This patient record could not be found.';

export async function recordMeasurementsAction(episodeId: string, _previous: MeasurementFormState, form: FormData): Promise<MeasurementFormState> {
  // A crafted request can put anything in any argument: refuse what is not a submitted form.
  if (!(form instanceof FormData)) return { ok: false, formError: 'Something was wrong with the form. Please reload the page and try again.' };
  const submitted = formDataToObject(form);
  const values = typedValues(submitted);
  const id = uuidSchema.safeParse(episodeId);
  if (!id.success) return { ok: false, formError: NOT_FOUND };
  const parsed = measurementSetSchema.safeParse(submitted);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error), formError: 'Check the values marked below.', values };
  const checked = checkMeasurementSet(parsed.data, parsed.data.method);
  if (!checked.ok) {
    const { form: formErrors, ...rest } = checked.fieldErrors;
    return { ok: false, fieldErrors: rest, formError: formErrors?.join(' '), values };
  }
  if (Object.keys(checked.warnings).length > 0 && !parsed.data.confirmWarnings) {
    return {
      ok: false,
      formError: 'Some values are unusually high. Check them, then tick “The values are correct” and save again.',
      warnings: checked.warnings,
      values,
    };
  }
  const viewer = await requireRole('clinician');
  const [day, time] = parsed.data.measuredAt.split('T') as [string, string];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const measuredAt = zonedTimeToUtc(day, hour, minute, viewer.timeZone);
  if (measuredAt.getTime() > Date.now() + 5 * 60_000) {
    return { ok: false, fieldErrors: { measuredAt: ['The date and time cannot be in the future.'] }, values };
  }
  const outcome = await createMeasurements(id.data, { submissionId: parsed.data.submissionId, measuredAt, values: checked.values });
  if (outcome === 'not-found') return { ok: false, formError: NOT_FOUND };
  if (outcome === 'discharged') return { ok: false, formError: 'This episode is discharged; measurements can no longer be added.', values };
  revalidatePath(`/clinician/patients/${id.data}`, 'layout');
  return { ok: true, saved: checked.values.length };
}

export async function correctMeasurementAction(episodeId: string, _previous: MeasurementFormState, form: FormData): Promise<MeasurementFormState> {
  // A crafted request can put anything in any argument: refuse what is not a submitted form.
  if (!(form instanceof FormData)) return { ok: false, formError: 'Something was wrong with the form. Please reload the page and try again.' };
  const submitted = formDataToObject(form);
  const values = typedValues(submitted);
  const id = uuidSchema.safeParse(episodeId);
  if (!id.success) return { ok: false, formError: NOT_FOUND };
  const parsed = measurementEditSchema.safeParse(submitted);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error), formError: 'Enter the corrected value as a number.', values };
  const outcome = await correctMeasurement(id.data, parsed.data.measurementId, {
    value: parsed.data.value!,
    method: parsed.data.method ?? null,
    confirmWarnings: parsed.data.confirmWarnings === 'on',
  });
  if (outcome === 'not-found') return { ok: false, formError: 'This measurement was already corrected or deleted. Reload the page.' };
  if (typeof outcome === 'object' && 'error' in outcome) return { ok: false, fieldErrors: { value: [outcome.error] }, values };
  if (typeof outcome === 'object' && 'warning' in outcome) {
    return { ok: false, formError: `${outcome.warning} Tick “The value is correct” to save it.`, warnings: { value: outcome.warning }, values };
  }
  revalidatePath(`/clinician/patients/${id.data}`, 'layout');
  return { ok: true };
}

export async function deleteMeasurementAction(episodeId: string, _previous: MeasurementFormState, form: FormData): Promise<MeasurementFormState> {
  // A crafted request can put anything in any argument: refuse what is not a submitted form.
  if (!(form instanceof FormData)) return { ok: false, formError: 'Something was wrong with the form. Please reload the page and try again.' };
  const id = uuidSchema.safeParse(episodeId);
  const parsed = measurementIdSchema.safeParse(formDataToObject(form));
  if (!id.success || !parsed.success) return { ok: false, formError: NOT_FOUND };
  const outcome = await deleteMeasurement(id.data, parsed.data.measurementId);
  if (outcome === 'not-found') return { ok: false, formError: 'This measurement was already corrected or deleted. Reload the page.' };
  revalidatePath(`/clinician/patients/${id.data}`, 'layout');
  return { ok: true };
}
