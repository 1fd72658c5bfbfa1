import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { visitsCalendar, type CalendarVisit } from './ics';

const visit: CalendarVisit = {
  id: '6f1c2a9e-1b1c-4c1e-9a51-2b4f2d6c1a01',
  kind: 'in-person',
  startsAt: new Date('2027-07-14T09:00:00Z'),
  endsAt: new Date('2027-07-14T09:45:00Z'),
  location: 'Room 3, 12 Riverside Walk',
  videoUrl: null,
  status: 'booked',
  clinicianName: 'Sam Patel',
  clinicName: 'Riverside Physio',
};

describe('calendar files', () => {
  it('parse back with the same instants, the zone and the local time', () => {
    const text = visitsCalendar([visit], 'Europe/London', 'Uplift visits');
    expect(text).toContain('DTSTART:20270714T090000Z');
    const parsed = ical.sync.parseICS(text);
    const event = parsed[`${visit.id}@uplift`] as VEvent;
    expect(event.type).toBe('VEVENT');
    expect(event.start.toISOString()).toBe('2027-07-14T09:00:00.000Z');
    expect(event.end?.toISOString()).toBe('2027-07-14T09:45:00.000Z');
    expect(event.location).toBe('Room 3, 12 Riverside Walk');
    expect(event.summary).toBe('In person with Sam Patel (Riverside Physio)');
    // London is on summer time in July: 09:00 UTC is 10:00 there, and the description says so.
    expect(event.description).toBe('Wednesday, 14 July 2027, 10:00–10:45 (Europe/London).');
    expect((parsed.vcalendar as unknown as Record<string, string>)['WR-TIMEZONE']).toBe('Europe/London');
  });

  it('writes the viewer’s zone, and marks cancelled visits so subscribed calendars drop them', () => {
    const video = { ...visit, id: '6f1c2a9e-1b1c-4c1e-9a51-2b4f2d6c1a02', kind: 'video' as const, videoUrl: 'https://meet.example/x', status: 'cancelled' as const };
    const parsed = ical.sync.parseICS(visitsCalendar([visit, video], 'America/New_York', 'Uplift visits'));
    expect((parsed.vcalendar as unknown as Record<string, string>)['WR-TIMEZONE']).toBe('America/New_York');
    const first = parsed[`${visit.id}@uplift`] as VEvent;
    expect(first.description).toBe('Wednesday, 14 July 2027, 05:00–05:45 (America/New_York).');
    const second = parsed[`${video.id}@uplift`] as VEvent;
    expect(second.status).toBe('CANCELLED');
    expect(second.start.toISOString()).toBe('2027-07-14T09:00:00.000Z');
    expect(second.url).toBe('https://meet.example/x');
  });
});
