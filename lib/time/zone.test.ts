import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDay, MS_PER_DAY, personTimeZone, startOfDayIn, weekStartOf, zonedTimeToUtc } from './index';
import { canonicalTimeZone, isValidTimeZone, timeZoneNames } from './zone';

describe('personTimeZone', () => {
  it("is the person's own zone when they chose one, else the clinic's", () => {
    expect(personTimeZone('Australia/Sydney', 'America/New_York')).toBe('Australia/Sydney');
    expect(personTimeZone(null, 'America/New_York')).toBe('America/New_York');
    expect(personTimeZone(undefined, 'Europe/London')).toBe('Europe/London');
  });
});

describe('localDay', () => {
  it('uses the patient time zone, not UTC', () => {
    const lateEvening = new Date('2026-07-01T23:30:00Z');
    expect(localDay(lateEvening, 'UTC')).toBe('2026-07-01');
    expect(localDay(lateEvening, 'Europe/London')).toBe('2026-07-02');
    expect(localDay(lateEvening, 'America/New_York')).toBe('2026-07-01');
  });

  it('keeps 23:30 local on its own day, a minute before and after midnight', () => {
    for (const zone of ['America/New_York', 'Australia/Sydney', 'Europe/London', 'Asia/Kolkata']) {
      const halfPastEleven = zonedTimeToUtc('2026-11-20', 23, 30, zone);
      expect(localDay(halfPastEleven, zone)).toBe('2026-11-20');
      expect(localDay(new Date(halfPastEleven.getTime() + 29 * 60_000), zone)).toBe('2026-11-20');
      expect(localDay(new Date(halfPastEleven.getTime() + 30 * 60_000), zone)).toBe('2026-11-21');
    }
  });

  it('puts 23:30 in New York on the New York day even though it is already tomorrow in UTC', () => {
    const instant = zonedTimeToUtc('2026-12-03', 23, 30, 'America/New_York');
    expect(instant.toISOString()).toBe('2026-12-04T04:30:00.000Z');
    expect(localDay(instant, 'America/New_York')).toBe('2026-12-03');
  });
});

describe('daylight-saving weeks', () => {
  // New York: clocks go forward 2026-03-08 02:00 and back 2026-11-01 02:00.
  it('New York: the spring-forward day has 23 hours and the fall-back day 25, but each is one calendar day', () => {
    const zone = 'America/New_York';
    expect(startOfDayIn('2026-03-09', zone).getTime() - startOfDayIn('2026-03-08', zone).getTime()).toBe(MS_PER_DAY - 3_600_000);
    expect(startOfDayIn('2026-11-02', zone).getTime() - startOfDayIn('2026-11-01', zone).getTime()).toBe(MS_PER_DAY + 3_600_000);
    expect(daysBetween('2026-03-08', '2026-03-09')).toBe(1);
  });

  it('New York: 23:30 every evening of the spring-forward week stays on its own day', () => {
    const zone = 'America/New_York';
    for (let offset = 0; offset < 7; offset += 1) {
      const day = addDays('2026-03-05', offset);
      expect(localDay(zonedTimeToUtc(day, 23, 30, zone), zone)).toBe(day);
    }
    // Adding 24 hours across the change lands an hour off on the wall clock: why days are counted as days.
    const saturdayEvening = zonedTimeToUtc('2026-03-07', 23, 30, zone);
    expect(localDay(new Date(saturdayEvening.getTime() + MS_PER_DAY), zone)).toBe('2026-03-09');
    expect(addDays(localDay(saturdayEvening, zone), 1)).toBe('2026-03-08');
  });

  it('New York: the fall-back week is Monday to Sunday in local days', () => {
    const zone = 'America/New_York';
    const sundayLate = zonedTimeToUtc('2026-11-01', 23, 30, zone);
    expect(localDay(sundayLate, zone)).toBe('2026-11-01');
    expect(weekStartOf(localDay(sundayLate, zone))).toBe('2026-10-26');
    const mondayEarly = zonedTimeToUtc('2026-11-02', 0, 30, zone);
    expect(weekStartOf(localDay(mondayEarly, zone))).toBe('2026-11-02');
  });

  // Sydney: clocks go back 2026-04-05 03:00 and forward 2026-10-04 02:00 (southern hemisphere).
  it('Sydney: the autumn day has 25 hours and the spring day 23', () => {
    const zone = 'Australia/Sydney';
    expect(startOfDayIn('2026-04-06', zone).getTime() - startOfDayIn('2026-04-05', zone).getTime()).toBe(MS_PER_DAY + 3_600_000);
    expect(startOfDayIn('2026-10-05', zone).getTime() - startOfDayIn('2026-10-04', zone).getTime()).toBe(MS_PER_DAY - 3_600_000);
  });

  it('Sydney: 23:30 every evening of both change weeks stays on its own day, and a week is seven days', () => {
    const zone = 'Australia/Sydney';
    for (const start of ['2026-04-01', '2026-10-01']) {
      for (let offset = 0; offset < 7; offset += 1) {
        const day = addDays(start, offset);
        const late = zonedTimeToUtc(day, 23, 30, zone);
        expect(localDay(late, zone)).toBe(day);
      }
    }
    expect(weekStartOf('2026-10-04')).toBe('2026-09-28');
    expect(daysBetween(weekStartOf('2026-10-04'), '2026-10-04')).toBe(6);
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

describe('time zone names', () => {
  it('accepts IANA names in any case and stores their canonical spelling', () => {
    expect(canonicalTimeZone('America/New_York')).toBe('America/New_York');
    expect(canonicalTimeZone('america/new_york')).toBe('America/New_York');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('US/Eastern')).toBe('America/New_York');
  });

  it.each(['EST', 'GMT', '+01:00', 'UTC+1', 'Mars/Olympus', 'Europe/Londn', '', 'Europe/London; drop table users'])('refuses %j', (name) => {
    expect(isValidTimeZone(name)).toBe(false);
  });

  it('lists every name it accepts, UTC included, sorted', () => {
    const names = timeZoneNames();
    expect(names).toContain('UTC');
    expect(names).toContain('Australia/Sydney');
    expect([...names].sort()).toEqual(names);
    expect(names.every((name) => canonicalTimeZone(name) === name)).toBe(true);
  });
});
