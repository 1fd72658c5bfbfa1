/** Calendar days as "YYYY-MM-DD" strings, so day arithmetic never depends on the server's time zone. */
import { cachedFormatter } from './formatter-cache';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Milliseconds in 24 hours. A duration, not a calendar day: a patient's day is 23 or 25 hours long when
 * the clocks change, so count calendar days with addDays and daysBetween on local days instead.
 */
export const MS_PER_DAY = 86_400_000;
export const MS_PER_WEEK = 7 * MS_PER_DAY;

/** Valid days already parsed: pages do day arithmetic on the same few hundred days over and over. */
const parsedDays = new Map<string, number>();

function dayToUtcMs(day: string): number {
  const known = parsedDays.get(day);
  if (known !== undefined) return known;
  const match = DAY_PATTERN.exec(day);
  if (match) {
    const [, year, month, date] = match.map(Number) as [number, number, number, number];
    const ms = Date.UTC(year, month - 1, date);
    const check = new Date(ms);
    // Date.UTC rolls 2025-02-30 over to March; a rolled-over date was not a real day.
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === date) {
      if (parsedDays.size >= 20_000) parsedDays.clear();
      parsedDays.set(day, ms);
      return ms;
    }
  }
  throw new RangeError(`Expected a calendar day as YYYY-MM-DD, got "${day}".`);
}

export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    dayToUtcMs(value);
    return true;
  } catch {
    return false;
  }
}

export function addDays(day: string, count: number): string {
  if (!Number.isInteger(count)) throw new RangeError('Days are added in whole numbers.');
  return new Date(dayToUtcMs(day) + count * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayToUtcMs(to) - dayToUtcMs(from)) / MS_PER_DAY);
}

/** Monday of the ISO week that contains `day` (YYYY-MM-DD). */
export function weekStartOf(day: string): string {
  const weekday = new Date(dayToUtcMs(day)).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The calendar day an instant falls on in an IANA time zone; an unknown zone throws RangeError. */
export function calendarDayIn(instant: Date, timeZone: string): string {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError('Expected a valid date.');
  const formatter = cachedFormatter('calendar-day', timeZone, () => new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }));
  // Built from parts: locale patterns differ between runtimes, the parts do not.
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
