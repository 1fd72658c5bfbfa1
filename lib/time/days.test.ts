import { describe, expect, it } from 'vitest';
import { addDays, calendarDayIn, daysBetween, isCalendarDay, weekStartOf } from './days';

describe('addDays', () => {
  it.each([
    ['2025-03-01', 1, '2025-03-02'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-03-30', 1, '2025-03-31'],
    ['2025-03-10', -9, '2025-03-01'],
    ['2025-03-10', 0, '2025-03-10'],
  ])('%s + %i → %s', (day, count, expected) => {
    expect(addDays(day, count)).toBe(expected);
  });

  it('rejects non-days and fractional counts', () => {
    expect(() => addDays('2025-02-29', 1)).toThrow(RangeError);
    expect(() => addDays('2025-3-1', 1)).toThrow(RangeError);
    expect(() => addDays('2025-03-01', 0.5)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts calendar days either way', () => {
    expect(daysBetween('2025-03-01', '2025-03-08')).toBe(7);
    expect(daysBetween('2025-03-08', '2025-03-01')).toBe(-7);
    expect(daysBetween('2024-12-25', '2025-01-01')).toBe(7);
  });
});

describe('isCalendarDay', () => {
  it.each([
    ['2025-03-01', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-03-01T00:00', false],
    [20250301, false],
  ])('%s → %s', (value, expected) => {
    expect(isCalendarDay(value)).toBe(expected);
  });
});

describe('calendarDayIn', () => {
  it('gives the local day of an instant', () => {
    const instant = new Date('2025-06-30T23:30:00Z');
    expect(calendarDayIn(instant, 'UTC')).toBe('2025-06-30');
    expect(calendarDayIn(instant, 'Europe/Berlin')).toBe('2025-07-01');
    expect(calendarDayIn(instant, 'Pacific/Honolulu')).toBe('2025-06-30');
    expect(calendarDayIn(new Date('2025-07-01T09:00:00Z'), 'Pacific/Honolulu')).toBe('2025-06-30');
  });

  it('rejects an unknown zone or an invalid date', () => {
    expect(() => calendarDayIn(new Date(), 'Nowhere/Special')).toThrow(RangeError);
    expect(() => calendarDayIn(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
  });
});

describe('weekStartOf', () => {
  it.each([
    ['2026-11-23', '2026-11-23'], // Monday
    ['2026-11-28', '2026-11-23'], // Saturday
    ['2026-11-29', '2026-11-23'], // Sunday
    ['2026-03-01', '2026-02-23'], // across a month end
  ])('%s → %s', (day, monday) => expect(weekStartOf(day)).toBe(monday));

  it('rejects a day that does not exist', () => expect(() => weekStartOf('2026-02-30')).toThrow(RangeError));
});
