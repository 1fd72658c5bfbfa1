import { z } from 'zod';
import { checkMeasurement, MEASURE_CODES, ROM_METHODS, type MeasureCode } from '@/lib/clinical/rom';
import { checkbox, localDateTime, optional, optionalDecimal, submissionIdField } from './fields';

/** Degree measures take a method; the two centimetre tests do not. */
export const DEGREE_CODES: readonly MeasureCode[] = MEASURE_CODES.filter((code) => code !== 'modified-schober' && code !== 'fingertip-to-floor');

export const measurementSetSchema = z
  .object({
    submissionId: submissionIdField,
    measuredAt: localDateTime,
    method: optional(z.enum(ROM_METHODS, { error: 'Choose how the angles were measured.' })),
    confirmWarnings: checkbox,
    ...Object.fromEntries(MEASURE_CODES.map((code) => [code, optionalDecimal('Enter the value as a number, like 40 or 12.5.')])),
  })
  .strict();

export type MeasurementInput = { code: MeasureCode; value: number; method: string | null };

export type CheckedMeasurements =
  | { ok: true; values: MeasurementInput[]; warnings: Record<string, string> }
  | { ok: false; fieldErrors: Record<string, string[]> };

/** Applies the accept ranges; values above a warning limit pass but are listed so the form can ask for confirmation. */
export function checkMeasurementSet(input: Record<string, unknown>, method: string | undefined): CheckedMeasurements {
  const values: MeasurementInput[] = [];
  const warnings: Record<string, string> = {};
  const errors: Record<string, string[]> = {};
  for (const code of MEASURE_CODES) {
    const value = input[code];
    if (typeof value !== 'number') continue;
    const check = checkMeasurement(code, value);
    if (!check.ok) errors[code] = [check.error];
    else {
      if (check.warning) warnings[code] = check.warning;
      values.push({ code, value, method: DEGREE_CODES.includes(code) ? (method ?? null) : null });
    }
  }
  if (values.some((value) => DEGREE_CODES.includes(value.code)) && !method) errors.method = ['Choose how the angles were measured.'];
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  if (values.length === 0) return { ok: false, fieldErrors: { form: ['Enter at least one measurement.'] } };
  return { ok: true, values, warnings };
}

export const measurementEditSchema = z
  .object({
    measurementId: z.uuid('Unknown measurement.'),
    value: optionalDecimal('Enter the value as a number, like 40 or 12.5.').refine((value) => value !== null, 'Enter a value.'),
    method: optional(z.enum(ROM_METHODS, { error: 'Choose how the angles were measured.' })),
    confirmWarnings: checkbox,
  })
  .strict();

export const measurementIdSchema = z.object({ measurementId: z.uuid('Unknown measurement.') }).strict();
