/**
 * Booking rules as pure functions (docs/APPOINTMENTS.md): which kinds of visit there are, the clinic's
 * booking limits, when a clinician is available, which follow-up slots are free, and whether a patient may
 * still cancel online. No I/O: the data access layer loads the facts and calls these.
 */
import { addDays, zonedTimeToUtc } from '../time';

export const APPOINTMENT_KINDS = ['in-person', 'video', 'phone'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export const APPOINTMENT_KIND_LABELS: Record<AppointmentKind, string> = { 'in-person': 'In person', video: 'Video call', phone: 'Phone call' };

export const ATTENDANCE_OUTCOMES = ['attended', 'late-cancel', 'did-not-attend'] as const;
export type Attendance = (typeof ATTENDANCE_OUTCOMES)[number];
export const ATTENDANCE_LABELS: Record<Attendance, string> = { attended: 'Attended', 'late-cancel': 'Cancelled late', 'did-not-attend': 'Did not attend' };

export const BOOKING_RULE_DEFAULTS = { horizonDays: 28, slotMinutes: 30, cancellationWindowHours: 24 } as const;
export const BOOKING_RULE_LIMITS = {
  horizonDays: { min: 1, max: 365 },
  slotMinutes: { min: 10, max: 120 },
  cancellationWindowHours: { min: 0, max: 168 },
} as const;
export type BookingRules = { horizonDays: number; slotMinutes: number; cancellationWindowHours: number };

/** A visit a clinician books lasts 5 minutes to 8 hours (the database refuses longer). */
export const VISIT_MINUTES = { min: 5, max: 480 } as const;

/** ISO weekdays 1–7, by name. */
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export type WeeklyWindow = { weekday: number; startTime: string; endTime: string };
export type AvailabilityException = { day: string; kind: 'unavailable' | 'extra'; startTime: string | null; endTime: string | null };
export type Interval = { start: Date; end: Date };

/** Minutes after midnight of "HH:MM" or "HH:MM:SS". */
export function minutesOfDay(value: string): number {
  const [hours, minutes] = value.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/** ISO weekday of a calendar day: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

type Span = [number, number];

function subtract(spans: Span[], cut: Span): Span[] {
  return spans.flatMap(([start, end]): Span[] => {
    if (cut[1] <= start || cut[0] >= end) return [[start, end]];
    const kept: Span[] = [];
    if (cut[0] > start) kept.push([start, cut[0]]);
    if (cut[1] < end) kept.push([cut[1], end]);
    return kept;
  });
}

function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/**
 * When the clinician is available on `day` (a calendar day in the clinic's zone): the weekly pattern for
 * that weekday, plus any extra hours, minus any time marked unavailable (a whole-day exception clears the
 * day). Returned as UTC instants, so a day on which the clocks change keeps its wall-clock hours.
 */
export function availableIntervals(day: string, weekly: readonly WeeklyWindow[], exceptions: readonly AvailabilityException[], timeZone: string): Interval[] {
  const weekday = isoWeekday(day);
  const todays = exceptions.filter((exception) => exception.day === day);
  let spans: Span[] = weekly.filter((window) => window.weekday === weekday).map((window) => [minutesOfDay(window.startTime), minutesOfDay(window.endTime)]);
  spans.push(...todays.filter((exception) => exception.kind === 'extra' && exception.startTime && exception.endTime).map((exception): Span => [minutesOfDay(exception.startTime!), minutesOfDay(exception.endTime!)]));
  spans = merge(spans);
  for (const exception of todays.filter((candidate) => candidate.kind === 'unavailable')) {
    spans = exception.startTime && exception.endTime ? subtract(spans, [minutesOfDay(exception.startTime), minutesOfDay(exception.endTime)]) : [];
  }
  return spans.map(([start, end]) => ({
    start: zonedTimeToUtc(day, Math.floor(start / 60), start % 60, timeZone),
    end: zonedTimeToUtc(day, Math.floor(end / 60), end % 60, timeZone),
  }));
}

/** Whether [start, end) lies wholly inside one available interval. */
export function isWithin(intervals: readonly Interval[], start: Date, end: Date): boolean {
  return intervals.some((interval) => interval.start <= start && end <= interval.end);
}

function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Free follow-up slots: each available interval on the days from `firstDay` for `days` days is cut into
 * slots of the clinic's length from its start; a slot is free when it starts after `notBefore` and
 * overlaps no booked visit. In time order.
 */
export function freeSlots(input: {
  firstDay: string;
  days: number;
  slotMinutes: number;
  notBefore: Date;
  notAfter: Date;
  weekly: readonly WeeklyWindow[];
  exceptions: readonly AvailabilityException[];
  booked: readonly Interval[];
  timeZone: string;
}): Interval[] {
  const slotMs = input.slotMinutes * 60_000;
  const slots: Interval[] = [];
  for (let offset = 0; offset < input.days; offset += 1) {
    const day = addDays(input.firstDay, offset);
    for (const interval of availableIntervals(day, input.weekly, input.exceptions, input.timeZone)) {
      for (let start = interval.start.getTime(); start + slotMs <= interval.end.getTime(); start += slotMs) {
        const slot = { start: new Date(start), end: new Date(start + slotMs) };
        if (slot.start <= input.notBefore || slot.start > input.notAfter) continue;
        if (input.booked.some((visit) => overlaps(visit, slot))) continue;
        slots.push(slot);
      }
    }
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The last instant a patient may cancel online: the clinic's window before the visit. */
export function cancellationDeadline(startsAt: Date, cancellationWindowHours: number): Date {
  return new Date(startsAt.getTime() - cancellationWindowHours * 3_600_000);
}

export function canPatientCancel(startsAt: Date, cancellationWindowHours: number, now: Date): boolean {
  return now.getTime() <= cancellationDeadline(startsAt, cancellationWindowHours).getTime();
}

/** Did-not-attend and late-cancellation rates: each count over the visits that were due (attended, late-cancelled or missed). */
export function attendanceRates(counts: { attended: number; lateCancel: number; didNotAttend: number }): { due: number; didNotAttendRate: number | null; lateCancelRate: number | null } {
  const due = counts.attended + counts.lateCancel + counts.didNotAttend;
  return {
    due,
    didNotAttendRate: due === 0 ? null : counts.didNotAttend / due,
    lateCancelRate: due === 0 ? null : counts.lateCancel / due,
  };
}
