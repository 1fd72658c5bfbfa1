/**
 * Calendar files for visits (RFC 5545, written by the `ics` library). Times are written in UTC ("…Z"), which
 * every calendar reads the same way; the person's zone goes in X-WR-TIMEZONE so a calendar that honours it
 * shows the calendar in that zone, and each event's description states the local time and zone in words.
 * What a calendar shows carries no health data: the clinic, the clinician and how the visit happens, never
 * why (a feed may be synced by a third-party calendar service). docs/APPOINTMENTS.md, "Calendar files".
 */
import { createEvents, type EventAttributes } from 'ics';
import { formatVisitTime } from '../time';
import { APPOINTMENT_KIND_LABELS } from './rules';
import type { Visit } from './visit';

/** What a calendar file shows of a visit: the visit without what became of it, and the clinic's name. */
export type CalendarVisit = Omit<Visit, 'attendance'> & { clinicName: string };

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

function event(visit: CalendarVisit, timeZone: string): EventAttributes {
  const how = APPOINTMENT_KIND_LABELS[visit.kind];
  return {
    uid: `${visit.id}@uplift`,
    start: visit.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: visit.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: `${how} with ${visit.clinicianName} (${visit.clinicName})`,
    description: `${formatVisitTime(visit.startsAt, visit.endsAt, timeZone)} (${timeZone}).${visit.kind === 'video' && visit.videoUrl ? ` Join: ${visit.videoUrl}` : ''}`,
    ...(visit.kind === 'in-person' && visit.location ? { location: visit.location } : {}),
    ...(visit.kind === 'video' && visit.videoUrl ? { url: visit.videoUrl } : {}),
    status: visit.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
  };
}

/** One calendar holding `visits`, shown in `timeZone`. */
export function visitsCalendar(visits: readonly CalendarVisit[], timeZone: string, calendarName: string): string {
  const { error, value } = createEvents(
    visits.map((visit) => event(visit, timeZone)),
    { productId: '-//Uplift//Appointments//EN', calName: calendarName },
  );
  if (error || !value) throw error ?? new Error('calendar not written');
  // The library has no header option for the zone: it goes after the calendar's name.
  return value.replace(/(X-WR-CALNAME:[^\r\n]*\r\n)/, `$1X-WR-TIMEZONE:${timeZone}\r\n`);
}
