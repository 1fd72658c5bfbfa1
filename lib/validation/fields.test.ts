import { describe, expect, it } from 'vitest';
import { MEASURE_CODES } from '@/lib/clinical/rom';
import { PASSWORD_MAX_LENGTH, checkNewPassword } from '@/lib/auth/password-policy';
import { signInSchema } from './auth';
import { exerciseLogSchema } from './exercise-log';
import { goalCreateSchema } from './goals';
import { measurementEditSchema, measurementSetSchema } from './measurements';
import { dischargeSchema, onboardingSchema } from './onboarding';
import { PAIN_LOG_RED_FLAG_QUESTIONS, painEntrySchema } from './pain';
import { exerciseCreateSchema, planSaveSchema } from './plans';
import { text } from './fields';
import type { z } from 'zod';

const ID = '3f1c2a9e-1b2c-4d3e-8f4a-5b6c7d8e9f01';
const RED_FLAGS = Object.fromEntries(PAIN_LOG_RED_FLAG_QUESTIONS.map((question) => [question.key, 'no']));

/** Every form with a number field, patient and staff: a valid submission and its number fields. */
const FORMS: { name: string; schema: z.ZodType; valid: Record<string, unknown>; numeric: string[] }[] = [
  {
    name: 'pain entry',
    schema: painEntrySchema,
    valid: { submissionId: ID, score: '5', worst24h: '6', locations: [], belowKnee: 'no', note: '', newSymptom: 'no', redFlags: RED_FLAGS },
    numeric: ['score', 'worst24h'],
  },
  {
    name: 'exercise log',
    schema: exerciseLogSchema,
    valid: { submissionId: ID, planItemId: ID, status: 'done', setsDone: '2', difficulty: '4', painDuring: '3', skipReason: '' },
    numeric: ['setsDone', 'difficulty', 'painDuring'],
  },
  {
    name: 'library exercise',
    schema: exerciseCreateSchema,
    valid: { submissionId: ID, name: 'Bridge', category: 'mobility', summary: '', instructions: 'Lift.', safetyNote: 'Stop if it hurts.', sets: '2', reps: '10', holdSeconds: '5', durationMinutes: '3', timesPerDay: '1', daysPerWeek: '5' },
    numeric: ['sets', 'reps', 'holdSeconds', 'durationMinutes', 'timesPerDay', 'daysPerWeek'],
  },
  {
    name: 'onboarding',
    schema: onboardingSchema,
    valid: { name: 'Sam Patel', email: 'sam@example.com', dateOfBirth: '1980-01-02', condition: 'Low back pain', intakeNprs: '6', intervalWeeks: '4', instruments: [] },
    numeric: ['intakeNprs', 'intervalWeeks'],
  },
  {
    name: 'goal',
    schema: goalCreateSchema,
    valid: { submissionId: ID, description: 'Walk to the shop', measureCode: 'nprs', targetValue: '3', targetDate: '' },
    numeric: ['targetValue'],
  },
  {
    name: 'measurement set',
    schema: measurementSetSchema,
    valid: { submissionId: ID, measuredAt: '2026-11-20T10:30', method: 'goniometer', [MEASURE_CODES[0]!]: '40' },
    numeric: [MEASURE_CODES[0]!],
  },
  {
    name: 'measurement correction',
    schema: measurementEditSchema,
    valid: { measurementId: ID, value: '40', method: 'goniometer' },
    numeric: ['value'],
  },
  {
    name: 'plan save',
    schema: planSaveSchema,
    valid: {
      submissionId: ID,
      baseVersion: '3',
      note: '',
      items: JSON.stringify([{ exerciseId: ID, sets: 2, reps: 10, holdSeconds: null, durationMinutes: null, timesPerDay: 1, daysPerWeek: 5, perSide: false, instructionsNote: null }]),
    },
    numeric: ['baseVersion'],
  },
];

describe('one strict way to read a field', () => {
  it.each(FORMS)('$name: the valid submission is accepted', ({ schema, valid }) => {
    expect(schema.safeParse(valid).error?.issues).toBeUndefined();
  });

  const cases = FORMS.flatMap((form) => form.numeric.flatMap((field) => ['1e1', '0x5', ' 5 ', '5 ', '+5', '５', 'Infinity', '5.'].map((value) => ({ ...form, field, value }))));
  it.each(cases)('$name: $field refuses $value', ({ schema, valid, field, value }) => {
    const parsed = schema.safeParse({ ...valid, [field]: value });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.some((issue) => issue.path[0] === field)).toBe(true);
  });

  it.each(FORMS)('$name: extra fields are refused', ({ schema, valid }) => {
    for (const extra of [{ patientId: ID }, { role: 'manager' }, { clinicianId: ID }]) {
      expect(schema.safeParse({ ...valid, ...extra }).success).toBe(false);
    }
  });

  it('reads decimals and a typed minus only where a measure allows them', () => {
    expect(measurementSetSchema.parse({ submissionId: ID, measuredAt: '2026-11-20T10:30', 'fingertip-to-floor': '\u22125.5' })).toMatchObject({ 'fingertip-to-floor': -5.5 });
    expect(exerciseCreateSchema.safeParse({ ...FORMS[2]!.valid, sets: '2.5' }).success).toBe(false);
  });

  it('counts text in characters, refuses control characters and broken UTF-16', () => {
    const field = text('The note', 3);
    expect(field.parse('  🙂🙂🙂 ')).toBe('🙂🙂🙂');
    expect(field.safeParse('🙂🙂🙂🙂').error?.issues[0]).toMatchObject({ code: 'too_big' });
    expect(field.safeParse('a\u0000').success).toBe(false);
    expect(field.safeParse('a\u0007').success).toBe(false);
    expect(field.safeParse('\ud800').success).toBe(false);
    expect(text('The note', 10).parse('a\r\nb')).toBe('a\r\nb');
    expect(dischargeSchema.safeParse({ summary: 'Done', confirm: 'on', extra: 'x' }).success).toBe(false);
  });

  it('a password that can be set can be used: both count characters, not UTF-16 units', () => {
    const longest = '🙂'.repeat(PASSWORD_MAX_LENGTH - 8) + 'a b c de';
    expect([...longest].length).toBe(PASSWORD_MAX_LENGTH);
    expect(checkNewPassword(longest)).toBeNull();
    expect(signInSchema.safeParse({ email: 'sam@example.com', password: longest }).success).toBe(true);
    expect(signInSchema.safeParse({ email: 'sam@example.com', password: `${longest}x` }).success).toBe(false);
  });
});
