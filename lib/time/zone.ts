/**
 * Time zones. Instants are stored in UTC; a person's day (daily pain, "today", adherence weeks, due dates,
 * the alert rules) is the calendar day in their zone, and `personTimeZone` is the one rule that says which
 * zone that is (docs/CLINICAL.md, "Time zones").
 */
import { cachedFormatter } from './formatter-cache';

/**
 * The zone a person's day is counted in: their own, when they chose one on their account page, otherwise
 * their clinic's. Every clinic has a zone (set when it is created, changed in Manager → Settings), so
 * there is no further fallback. SQL that needs the same answer per row uses `personTimeZoneSql`
 * (lib/time/zone-sql.ts), which states this rule in SQL.
 */
export function personTimeZone(own: string | null | undefined, clinic: string): string {
  return own ?? clinic;
}

export const TIME_ZONE_HINT = 'Choose a time zone from the list, or type a name such as Europe/London or America/New_York.';

let supported: Map<string, string> | undefined;
/** IANA names this runtime knows, keyed in lower case; UTC is a zone of its own. */
function supportedZones(): Map<string, string> {
  supported ??= new Map(['UTC', ...Intl.supportedValuesOf('timeZone')].map((name) => [name.toLowerCase(), name]));
  return supported;
}

/** Every IANA time zone name, sorted, for pickers. */
export function timeZoneNames(): string[] {
  return [...supportedZones().values()].sort();
}

/**
 * The canonical spelling of an IANA zone name ("america/new_york" → "America/New_York"; an alias such as
 * "US/Eastern" → "America/New_York"), or null when it is not one. Abbreviations and offsets ("EST",
 * "+01:00") are refused: they carry no daylight-saving rules, so a day counted in them drifts by an hour
 * for half the year.
 */
export function canonicalTimeZone(input: string): string | null {
  const known = supportedZones().get(input.toLowerCase());
  if (known) return known;
  if (!input.includes('/')) return null;
  try {
    const resolved = new Intl.DateTimeFormat('en-GB', { timeZone: input }).resolvedOptions().timeZone;
    return supportedZones().get(resolved.toLowerCase()) ?? null;
  } catch {
    return null;
  }
}

export function isValidTimeZone(timeZone: string): boolean {
  return canonicalTimeZone(timeZone) !== null;
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

/** The UTC instant at which `day` begins in `timeZone` (not always midnight: some zones skip it). */
export function startOfDayIn(day: string, timeZone: string): Date {
  return zonedTimeToUtc(day, 0, 0, timeZone);
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

/** Minutes since midnight on the wall clock in `timeZone` at `instant` (0–1439). */
export function localMinuteOfDay(instant: Date, timeZone: string): number {
  const parts = cachedFormatter('minute-of-day', timeZone, () => new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' })).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return get('hour') * 60 + get('minute');
}
