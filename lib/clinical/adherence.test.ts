import { describe, expect, it } from 'vitest';
import { adherenceDefinition, adherenceFraction, daysCountedThisWeek, formatPercent, prescribedSessions, weeklyAdherence } from './adherence';

describe('daysCountedThisWeek', () => {
  it('counts Monday up to and including today', () => {
    expect(daysCountedThisWeek('2026-11-23', '2026-01-01')).toBe(1);
    expect(daysCountedThisWeek('2026-11-29', '2026-01-01')).toBe(7);
  });
  it('starts at the episode start when that is later in the week', () => {
    expect(daysCountedThisWeek('2026-11-28', '2026-11-26')).toBe(3);
  });
  it('is 0 before the episode starts', () => {
    expect(daysCountedThisWeek('2026-11-24', '2026-11-26')).toBe(0);
  });
});

describe('prescribedSessions', () => {
  it('is times a day × days for a daily exercise', () => {
    expect(prescribedSessions({ timesPerDay: 2, daysPerWeek: 7 }, 3)).toBe(6);
  });
  it('spreads an exercise done fewer days evenly over the week, rounded', () => {
    expect(prescribedSessions({ timesPerDay: 1, daysPerWeek: 3 }, 1)).toBe(0);
    expect(prescribedSessions({ timesPerDay: 1, daysPerWeek: 3 }, 3)).toBe(1);
    expect(prescribedSessions({ timesPerDay: 1, daysPerWeek: 3 }, 7)).toBe(3);
    expect(prescribedSessions({ timesPerDay: 1, daysPerWeek: 5 }, 4)).toBe(3);
  });
  it('rejects impossible inputs', () => {
    expect(() => prescribedSessions({ timesPerDay: 0, daysPerWeek: 7 }, 1)).toThrow(RangeError);
    expect(() => prescribedSessions({ timesPerDay: 1, daysPerWeek: 8 }, 1)).toThrow(RangeError);
    expect(() => prescribedSessions({ timesPerDay: 1, daysPerWeek: 7 }, 8)).toThrow(RangeError);
  });
});

describe('weeklyAdherence', () => {
  it('divides logged by prescribed sessions', () => {
    const result = weeklyAdherence(
      [
        { timesPerDay: 1, daysPerWeek: 7, logged: 3 },
        { timesPerDay: 2, daysPerWeek: 7, logged: 2 },
      ],
      4,
    );
    expect(result).toEqual({ logged: 5, prescribed: 12, fraction: 5 / 12 });
  });
  it('counts sessions up to what the plan asked for, never above 100 %', () => {
    const result = weeklyAdherence(
      [
        { timesPerDay: 1, daysPerWeek: 7, logged: 9 },
        { timesPerDay: 1, daysPerWeek: 7, logged: 0 },
      ],
      2,
    );
    expect(result).toEqual({ logged: 4, prescribed: 4, fraction: 1 });
    expect(weeklyAdherence([{ timesPerDay: 1, daysPerWeek: 7, logged: 1 }, { timesPerDay: 1, daysPerWeek: 7, logged: 2 }], 2)).toEqual({ logged: 3, prescribed: 4, fraction: 0.75 });
  });
  it('is null when nothing is due yet', () => {
    expect(weeklyAdherence([{ timesPerDay: 1, daysPerWeek: 3, logged: 1 }], 1).fraction).toBeNull();
    expect(weeklyAdherence([], 5).fraction).toBeNull();
  });
});

describe('formatPercent', () => {
  it('shows whole percent', () => {
    expect(formatPercent(5 / 12)).toBe('42 %');
    expect(formatPercent(1)).toBe('100 %');
  });
});

describe('adherenceFraction', () => {
  it('is logged over prescribed, counting logged sessions up to prescribed', () => {
    expect(adherenceFraction(3, 4)).toBe(0.75);
    expect(adherenceFraction(9, 4)).toBe(1);
    expect(adherenceFraction(0, 4)).toBe(0);
  });
  it('is null when nothing was asked for', () => expect(adherenceFraction(2, 0)).toBeNull());
  it('rejects negative counts', () => expect(() => adherenceFraction(-1, 4)).toThrow(RangeError));
});

describe('adherenceDefinition', () => {
  it('states the one rule with the window it is shown over', () => {
    expect(adherenceDefinition('recent')).toMatch(/^Adherence over the last 7 full days \(today not included\): exercise sessions marked done or partly done/);
    expect(adherenceDefinition('outcome')).toContain('last 28 days of the episode');
    expect(adherenceDefinition('week')).toContain('since Monday');
  });
});
