import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDay, zonedTimeToUtc } from './time';

describe('localDay', () => {
  it('uses the patient time zone, not UTC', () => {
    const lateEvening = new Date('2026-07-01T23:30:00Z');
    expect(localDay(lateEvening, 'UTC')).toBe('2026-07-01');
    expect(localDay(lateEvening, 'Europe/London')).toBe('2026-07-02');
    expect(localDay(lateEvening, 'America/New_York')).toBe('2026-07-01');
  });
});

describe('zonedTimeToUtc', () => {
  it('converts London summer and winter wall-clock times', () => {
    expect(zonedTimeToUtc('2026-07-01', 9, 0, 'Europe/London').toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(zonedTimeToUtc('2026-12-01', 9, 0, 'Europe/London').toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });

  it('round-trips through localDay across a DST change', () => {
    const instant = zonedTimeToUtc('2026-03-29', 12, 0, 'Europe/London');
    expect(localDay(instant, 'Europe/London')).toBe('2026-03-29');
    expect(instant.toISOString()).toBe('2026-03-29T11:00:00.000Z');
  });
});

describe('day arithmetic', () => {
  it('adds days across month ends and counts between', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
  });
});
