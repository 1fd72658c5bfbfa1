import { describe, expect, it } from 'vitest';
import { exerciseLogSchema } from './exercise-log';
import { fieldErrorsOf } from '@/lib/forms/result';

const ids = { submissionId: '7b0c3f5e-8a52-4a9e-9c1e-2f6a3f0d9b11', planItemId: '0a4f1c2e-3b5d-4e6f-8a9b-0c1d2e3f4a5b' };

describe('exerciseLogSchema', () => {
  it('accepts done with sets, difficulty and pain', () => {
    const result = exerciseLogSchema.safeParse({ ...ids, status: 'done', setsDone: '3', difficulty: '4', painDuring: '2', skipReason: '' });
    expect(result.data).toMatchObject({ status: 'done', setsDone: 3, difficulty: 4, painDuring: 2, skipReason: null });
  });

  it('needs a reason when partly done or skipped', () => {
    const skipped = exerciseLogSchema.safeParse({ ...ids, status: 'skipped' });
    expect(fieldErrorsOf(skipped.error!).skipReason).toEqual(['Choose a reason.']);
    expect(exerciseLogSchema.safeParse({ ...ids, status: 'skipped', skipReason: 'no-time' }).data).toMatchObject({ skipReason: 'no-time', painDuring: null });
    expect(exerciseLogSchema.safeParse({ ...ids, status: 'partial', difficulty: '5', painDuring: '6' }).success).toBe(false);
  });

  it('needs difficulty and pain when done', () => {
    const errors = fieldErrorsOf(exerciseLogSchema.safeParse({ ...ids, status: 'done' }).error!);
    expect(Object.keys(errors).sort()).toEqual(['difficulty', 'painDuring']);
  });

  it.each(['11', '-1', '2.5', 'abc'])('rejects difficulty %j', (difficulty) => {
    expect(exerciseLogSchema.safeParse({ ...ids, status: 'done', difficulty, painDuring: '2' }).success).toBe(false);
  });

  it('rejects unknown statuses, reasons and extra fields', () => {
    expect(exerciseLogSchema.safeParse({ ...ids, status: 'finished', difficulty: '1', painDuring: '1' }).success).toBe(false);
    expect(exerciseLogSchema.safeParse({ ...ids, status: 'skipped', skipReason: 'bored' }).success).toBe(false);
    expect(exerciseLogSchema.safeParse({ ...ids, status: 'skipped', skipReason: 'pain', episodeId: ids.planItemId }).success).toBe(false);
  });
});
