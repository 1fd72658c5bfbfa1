'use server';

import type { MeasurementData } from '@/components/clinician/measurement-form';
import { correctMeasurement, createMeasurements, deleteMeasurement } from '@/lib/dal/measurements';
import { formAction } from '@/lib/forms/action';
import { fieldRefused, refused } from '@/lib/forms/result';
import { zonedTimeToUtc } from '@/lib/time';
import { checkMeasurementSet, measurementEditSchema, measurementIdSchema, measurementSetSchema } from '@/lib/validation/measurements';
import { onRecord, RECORD_NOT_FOUND } from '../episode-action';

const GONE = 'This measurement was already corrected or deleted. Reload the page.';

export const recordMeasurementsAction = formAction({
  ...onRecord,
  schema: measurementSetSchema,
  invalid: 'Check the values marked below.',
  run: async (set, { id, viewer }) => {
    const checked = checkMeasurementSet(set, set.method);
    if (!checked.ok) {
      const { form, ...fields } = checked.fieldErrors;
      return refused(form?.join(' '), fields as Record<string, string[]>);
    }
    if (Object.keys(checked.warnings).length > 0 && !set.confirmWarnings) {
      const formError = 'Some values are unusually high. Check them, then tick “The values are correct” and save again.';
      return { ok: false, formError, data: { warnings: checked.warnings } as MeasurementData };
    }
    const [day, time] = set.measuredAt.split('T') as [string, string];
    const [hour, minute] = time.split(':').map(Number) as [number, number];
    const measuredAt = zonedTimeToUtc(day, hour, minute, viewer!.timeZone);
    if (measuredAt.getTime() > Date.now() + 5 * 60_000) return fieldRefused('measuredAt', 'The date and time cannot be in the future.');
    const outcome = await createMeasurements(id, { submissionId: set.submissionId, measuredAt, values: checked.values });
    if (outcome === 'not-found') return refused(RECORD_NOT_FOUND);
    if (outcome === 'discharged') return refused('This episode is discharged; measurements can no longer be added.');
    return { ok: true, data: { saved: checked.values.length } as MeasurementData };
  },
});

export const correctMeasurementAction = formAction({
  ...onRecord,
  schema: measurementEditSchema,
  invalid: 'Enter the corrected value as a number.',
  run: async ({ measurementId, value, method, confirmWarnings }, { id }) => {
    const outcome = await correctMeasurement(id, measurementId, { value: value!, method: method ?? null, confirmWarnings: confirmWarnings === 'on' });
    if (outcome === 'not-found') return refused(GONE);
    if (typeof outcome === 'object' && 'error' in outcome) return fieldRefused('value', outcome.error);
    if (typeof outcome === 'object' && 'warning' in outcome) {
      return { ok: false, formError: `${outcome.warning} Tick “The value is correct” to save it.`, data: { warnings: { value: outcome.warning } } as MeasurementData };
    }
  },
});

export const deleteMeasurementAction = formAction({
  ...onRecord,
  schema: measurementIdSchema,
  invalid: RECORD_NOT_FOUND,
  run: async ({ measurementId }, { id }) => {
    if ((await deleteMeasurement(id, measurementId)) === 'not-found') return refused(GONE);
  },
});
