import { describe, expect, it } from 'vitest';
import { goalCreateSchema } from './goals';
import { checkMeasurementSet, measurementSetSchema } from './measurements';
import { noteSchema } from './notes';
import { dischargeSchema, onboardingSchema } from './onboarding';
import { planSaveSchema } from './plans';

const EXERCISE = '3f1c2a9e-1b2c-4d3e-8f4a-5b6c7d8e9f01';
const SUBMISSION = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const item = (overrides: Record<string, unknown> = {}) => ({
  exerciseId: EXERCISE,
  sets: 2,
  reps: 10,
  holdSeconds: null,
  durationMinutes: null,
  timesPerDay: 1,
  daysPerWeek: 5,
  perSide: false,
  instructionsNote: null,
  ...overrides,
});

describe('measurement set', () => {
  const parse = (values: Record<string, string>) => measurementSetSchema.safeParse({ submissionId: SUBMISSION, measuredAt: '2026-11-20T10:30', method: 'goniometer', ...values });

  it('accepts values in range, warns above the warning limit, refuses outside the accept range', () => {
    const parsed = parse({ 'lumbar-flexion': '95', 'lumbar-extension': '', 'fingertip-to-floor': '−5' });
    expect(parsed.success).toBe(true);
    const checked = checkMeasurementSet(parsed.data!, 'goniometer');
    expect(checked).toMatchObject({ ok: true, warnings: { 'lumbar-flexion': expect.stringContaining('double-check') } });
    if (checked.ok) expect(checked.values).toEqual([
      { code: 'lumbar-flexion', value: 95, method: 'goniometer' },
      { code: 'fingertip-to-floor', value: -5, method: null },
    ]);
    const refused = checkMeasurementSet(parse({ 'lumbar-extension': '61', 'modified-schober': '9' }).data!, 'goniometer');
    expect(refused).toEqual({
      ok: false,
      fieldErrors: { 'lumbar-extension': ['Extension must be between 0° and 60°.'], 'modified-schober': ['Modified Schober length must be between 10 cm and 30 cm.'] },
    });
  });

  it('refuses text, an empty form, a missing method for angles and unknown fields', () => {
    expect(parse({ 'lumbar-flexion': 'abc' }).success).toBe(false);
    expect(checkMeasurementSet(parse({}).data!, 'goniometer')).toEqual({ ok: false, fieldErrors: { form: ['Enter at least one measurement.'] } });
    expect(checkMeasurementSet(parse({ 'lumbar-flexion': '40' }).data!, undefined)).toMatchObject({ ok: false, fieldErrors: { method: expect.any(Array) } });
    expect(parse({ 'lumbar-flexion': '40', hacker: '1' }).success).toBe(false);
    expect(measurementSetSchema.safeParse({ measuredAt: 'yesterday' }).success).toBe(false);
  });
});

describe('plan save', () => {
  const parse = (items: unknown, baseVersion: unknown = '1') => planSaveSchema.safeParse({ submissionId: SUBMISSION, baseVersion, note: '', items: JSON.stringify(items) });

  it('accepts a valid plan', () => {
    expect(parse([item(), item({ reps: null, holdSeconds: 30, perSide: true })]).success).toBe(true);
  });

  it.each([
    ['sets 11', [item({ sets: 11 })]],
    ['reps 0', [item({ reps: 0 })]],
    ['reps 2.5', [item({ reps: 2.5 })]],
    ['days 8', [item({ daysPerWeek: 8 })]],
    ['no effort', [item({ reps: null })]],
    ['empty plan', []],
    ['unknown id', [item({ exerciseId: 'x' })]],
    ['extra field', [item({ admin: true })]],
    ['long note', [item({ instructionsNote: 'a'.repeat(501) })]],
    ['NUL in note', [item({ instructionsNote: 'a\u0000b' })]],
  ])('refuses %s', (_label, items) => {
    expect(parse(items).success).toBe(false);
  });

  it('refuses text that is not JSON and a negative base version', () => {
    expect(planSaveSchema.safeParse({ baseVersion: '1', note: '', items: '<script>' }).success).toBe(false);
    expect(parse([item()], '-1').success).toBe(false);
  });
});

describe('goals, notes, onboarding and discharge', () => {
  it('ties a target to a measure', () => {
    expect(goalCreateSchema.safeParse({ submissionId: SUBMISSION, description: 'Bend', measureCode: 'lumbar-flexion', targetValue: '60', targetDate: '2027-01-31' }).success).toBe(true);
    expect(goalCreateSchema.safeParse({ submissionId: SUBMISSION, description: 'Bend', measureCode: 'lumbar-flexion', targetValue: '', targetDate: '' }).success).toBe(false);
    expect(goalCreateSchema.safeParse({ submissionId: SUBMISSION, description: 'Bend', measureCode: '', targetValue: '60', targetDate: '' }).success).toBe(false);
    expect(goalCreateSchema.safeParse({ submissionId: SUBMISSION, description: '', measureCode: '', targetValue: '', targetDate: '' }).success).toBe(false);
    expect(goalCreateSchema.safeParse({ submissionId: SUBMISSION, description: 'x', measureCode: '', targetValue: '', targetDate: '2027-02-30' }).success).toBe(false);
  });

  it('needs some text in a note and caps each part', () => {
    const empty = { submissionId: SUBMISSION, subjective: '', objective: '', assessment: '', plan: '' };
    expect(noteSchema.safeParse(empty).success).toBe(false);
    expect(noteSchema.safeParse({ ...empty, plan: '<b>Review</b>' }).data?.plan).toBe('<b>Review</b>');
    expect(noteSchema.safeParse({ ...empty, plan: 'a'.repeat(4001) }).success).toBe(false);
  });

  it('checks onboarding fields', () => {
    const valid = { name: 'Ann Lee', email: ' Ann@Example.COM ', dateOfBirth: '1970-01-01', condition: 'Low back pain', intakeNprs: '6', intervalWeeks: '4', instruments: ['ODI'] };
    expect(onboardingSchema.parse(valid).email).toBe('ann@example.com');
    for (const intakeNprs of ['11', '-1', '2.5', 'abc', '']) {
      expect(onboardingSchema.safeParse({ ...valid, intakeNprs }).success).toBe(false);
    }
    expect(onboardingSchema.safeParse({ ...valid, dateOfBirth: '2999-01-01' }).success).toBe(false);
    expect(onboardingSchema.safeParse({ ...valid, instruments: ['XYZ'] }).success).toBe(false);
    expect(onboardingSchema.safeParse({ ...valid, name: 'a'.repeat(201) }).success).toBe(false);
  });

  it('needs a confirmed discharge with a summary', () => {
    expect(dischargeSchema.safeParse({ summary: 'Done.', confirm: 'on' }).success).toBe(true);
    expect(dischargeSchema.safeParse({ summary: 'Done.' }).success).toBe(false);
    expect(dischargeSchema.safeParse({ summary: '  ', confirm: 'on' }).success).toBe(false);
  });
});
