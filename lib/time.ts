/** Dates are stored in UTC and shown in the viewer's time zone. */

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of `date` in `timeZone`. */
export function localDay(date: Date, timeZone: string): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter.format(date);
}

/** Adds whole days to a YYYY-MM-DD string. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

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
