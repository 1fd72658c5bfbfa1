/**
 * Dates and days. Instants are stored in UTC and shown in the viewer's time zone; a person's calendar day
 * is a "YYYY-MM-DD" string computed in their zone (lib/time/zone.ts says which zone that is).
 */
import { cachedFormatter } from './formatter-cache';

export { addDays, daysBetween, isCalendarDay, MS_PER_DAY, MS_PER_WEEK, weekStartOf, calendarDayIn as localDay } from './days';
export { canonicalTimeZone, isValidTimeZone, localMinuteOfDay, personTimeZone, startOfDayIn, TIME_ZONE_HINT, timeZoneNames, zonedTimeToUtc } from './zone';

export function formatDateTime(date: Date, timeZone: string): string {
  return cachedFormatter('date-time', timeZone, () =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }),
  ).format(date);
}

export function formatDate(date: Date | string, timeZone: string): string {
  const value = typeof date === 'string' ? new Date(`${date}T12:00:00Z`) : date;
  return cachedFormatter('date', timeZone, () => new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' })).format(value);
}

/** "Saturday 28 November": the heading date of the patient's day. */
export function formatLongDay(date: Date, timeZone: string): string {
  return cachedFormatter('long-day', timeZone, () => new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long' })).format(date);
}

/** "28 Nov, 14:05": a short date and time for lists, where the year is noise. */
export function formatShortDateTime(date: Date, timeZone: string): string {
  return cachedFormatter('short-date-time', timeZone, () =>
    new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
  ).format(date);
}

/** "Wednesday 14 July 2027, 10:00–10:30": a visit's day and times in one zone. */
export function formatVisitTime(startsAt: Date, endsAt: Date, timeZone: string): string {
  const day = cachedFormatter('visit-day', timeZone, () => new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }));
  const clock = cachedFormatter('visit-clock', timeZone, () => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));
  return `${day.format(startsAt)}, ${clock.format(startsAt)}–${clock.format(endsAt)}`;
}

/** "10:00": a wall-clock time in one zone (24-hour). */
export function formatClock(instant: Date, timeZone: string): string {
  return cachedFormatter('visit-clock', timeZone, () => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })).format(instant);
}
