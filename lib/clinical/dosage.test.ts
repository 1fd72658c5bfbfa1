import { describe, expect, it } from 'vitest';
import { dosageWith, formatDosage, sessionsPerWeek } from './dosage';


describe('formatDosage: the agreed wording', () => {
  it.each([
    [{ sets: 3, reps: 10 }, '3 sets of 10'],
    [{ sets: 1, reps: 10 }, '10 times'],
    [{ sets: 5, holdSeconds: 30 }, 'hold 30 seconds, 5 times'],
    [{ durationMinutes: 20 }, '20 minutes'],
    [{ sets: 3, reps: 10, perSide: true }, '3 sets of 10 each side'],
    [{ reps: 10, timesPerDay: 2 }, '10 times, twice a day'],
    [{ reps: 10, timesPerDay: 3 }, '10 times, 3 times a day'],
    [{ durationMinutes: 20, daysPerWeek: 5 }, '20 minutes, 5 days a week'],
  ] as const)('%j → "%s"', (overrides, text) => {
    expect(formatDosage(dosageWith(overrides))).toBe(text);
  });
});

describe('formatDosage: combinations and edge cases', () => {
  it.each([
    [{ reps: 10 }, '10 times'],
    [{ reps: 1 }, 'once'],
    [{ reps: 2 }, '2 times'],
    [{ reps: 2, timesPerDay: 2 }, '2 times, twice a day'],
    [{ sets: 2, reps: 1 }, '2 sets of 1'],
    [{ holdSeconds: 30 }, 'hold 30 seconds'],
    [{ holdSeconds: 1 }, 'hold 1 second'],
    [{ sets: 1, holdSeconds: 20 }, 'hold 20 seconds'],
    [{ sets: 2, holdSeconds: 20 }, 'hold 20 seconds, 2 times'],
    [{ durationMinutes: 1 }, '1 minute'],
    [{ durationMinutes: 2.5 }, '2.5 minutes'],
    [{ sets: 3, durationMinutes: 5 }, '5 minutes, 3 times'],
    [{ reps: 10, holdSeconds: 10 }, '10 times, holding each for 10 seconds'],
    [{ sets: 2, reps: 8, holdSeconds: 5, perSide: true }, '2 sets of 8 each side, holding each for 5 seconds'],
    [
      { sets: 3, holdSeconds: 30, perSide: true, timesPerDay: 2, daysPerWeek: 5 },
      'hold 30 seconds, 3 times each side, twice a day, 5 days a week',
    ],
    [{ holdSeconds: 20, perSide: true }, 'hold 20 seconds each side'],
    [{ durationMinutes: 2, perSide: true }, '2 minutes each side'],
    [{ sets: 3, reps: 12, daysPerWeek: 3 }, '3 sets of 12, 3 days a week'],
    [{ reps: 10, daysPerWeek: 1 }, '10 times, 1 day a week'],
    [{ timesPerDay: 2 }, 'twice a day'],
    [{ perSide: true }, 'each side'],
    [{}, 'once a day'],
  ] as const)('%j → "%s"', (overrides, text) => {
    expect(formatDosage(dosageWith(overrides))).toBe(text);
  });

  it('says nothing extra for every day', () => {
    expect(formatDosage(dosageWith({ reps: 10, daysPerWeek: 7 }))).toBe('10 times');
  });

  it.each([
    [{ sets: 0, reps: 10 }],
    [{ reps: 2.5 }],
    [{ holdSeconds: 0 }],
    [{ durationMinutes: -5 }],
    [{ timesPerDay: 0 }],
    [{ daysPerWeek: 8 }],
    [{ daysPerWeek: 0 }],
    [{ holdSeconds: Number.NaN }],
  ])('rejects %j', (overrides) => {
    expect(() => formatDosage(dosageWith(overrides))).toThrow(RangeError);
  });
});

describe('sessionsPerWeek', () => {
  it.each([
    [1, 7, 7],
    [2, 7, 14],
    [3, 5, 15],
    [1, 3, 3],
  ])('%i a day × %i days → %i', (timesPerDay, daysPerWeek, sessions) => {
    expect(sessionsPerWeek(dosageWith({ reps: 10, timesPerDay, daysPerWeek }))).toBe(sessions);
  });

  it('rejects an invalid dosage', () => {
    expect(() => sessionsPerWeek(dosageWith({ timesPerDay: 0 }))).toThrow(RangeError);
  });
});
