/** Dates are stored in UTC and shown in the viewer's time zone. */

// Day arithmetic lives with the clinical rules that depend on it; re-exported here for the UI.
export { addDays, daysBetween, calendarDayIn as localDay } from './clinical/days';

/**
 * Building an Intl.DateTimeFormat costs far more than using one (about 0.1 ms and a few kB each):
 * a caseload of 200 rows formatting dates with fresh formatters spent most of its render time
 * here. Formatters are cached per kind and time zone; the set of time zones is small.
 */
const formatterCache = new Map<string, Intl.DateTimeFormat>();
function cachedFormatter(kind: string, timeZone: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let formatter = formatterCache.get(key);
  if (!formatter) {
    formatter = make();
    formatterCache.set(key, formatter);
  }
  return formatter;
}

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

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The UTC instant of a wall-clock time on `day` in `timeZone` (DST-aware). */
export function zonedTimeToUtc(day: string, hour: number, minute: number, timeZone: string): Date {
  const naive = Date.parse(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
  // Two passes settle the offset even on the day the clocks change.
  let guess = naive;
  for (let pass = 0; pass < 2; pass += 1) {
    guess = naive - timeZoneOffsetMs(new Date(guess), timeZone);
  }
  return new Date(guess);
}

function timeZoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = cachedFormatter('offset', timeZone, () =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }),
  ).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}
