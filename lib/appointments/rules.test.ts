import { describe, expect, it } from 'vitest';
import { attendanceRates, availableIntervals, canPatientCancel, freeSlots, isoWeekday, isWithin } from './rules';

const iso = (intervals: { start: Date; end: Date }[]) => intervals.map((interval) => [interval.start.toISOString(), interval.end.toISOString()]);
const weekly = [
  { weekday: 1, startTime: '09:00:00', endTime: '12:00:00' },
  { weekday: 1, startTime: '13:00:00', endTime: '15:00:00' },
];

describe('availability', () => {
  it('reads weekdays as ISO (Monday 1 … Sunday 7)', () => {
    expect(isoWeekday('2027-03-22')).toBe(1);
    expect(isoWeekday('2027-03-28')).toBe(7);
  });

  it('keeps wall-clock hours across a daylight-saving change', () => {
    // London moves to summer time on Sunday 28 March 2027.
    expect(iso(availableIntervals('2027-03-22', weekly, [], 'Europe/London'))[0]).toEqual(['2027-03-22T09:00:00.000Z', '2027-03-22T12:00:00.000Z']);
    expect(iso(availableIntervals('2027-03-29', weekly, [], 'Europe/London'))[0]).toEqual(['2027-03-29T08:00:00.000Z', '2027-03-29T11:00:00.000Z']);
    expect(availableIntervals('2027-03-23', weekly, [], 'Europe/London')).toEqual([]);
  });

  it('applies time off (part or whole day) and extra hours', () => {
    const partOff = [{ day: '2027-03-22', kind: 'unavailable' as const, startTime: '10:00:00', endTime: '11:00:00' }];
    expect(iso(availableIntervals('2027-03-22', weekly, partOff, 'UTC'))).toEqual([
      ['2027-03-22T09:00:00.000Z', '2027-03-22T10:00:00.000Z'],
      ['2027-03-22T11:00:00.000Z', '2027-03-22T12:00:00.000Z'],
      ['2027-03-22T13:00:00.000Z', '2027-03-22T15:00:00.000Z'],
    ]);
    expect(availableIntervals('2027-03-22', weekly, [{ day: '2027-03-22', kind: 'unavailable', startTime: null, endTime: null }], 'UTC')).toEqual([]);
    const extra = [{ day: '2027-03-22', kind: 'extra' as const, startTime: '12:00:00', endTime: '13:00:00' }];
    expect(iso(availableIntervals('2027-03-22', weekly, extra, 'UTC'))).toEqual([['2027-03-22T09:00:00.000Z', '2027-03-22T15:00:00.000Z']]);
  });

  it('a visit fits only wholly inside one interval', () => {
    const intervals = availableIntervals('2027-03-22', weekly, [], 'UTC');
    expect(isWithin(intervals, new Date('2027-03-22T11:30:00Z'), new Date('2027-03-22T12:00:00Z'))).toBe(true);
    expect(isWithin(intervals, new Date('2027-03-22T11:45:00Z'), new Date('2027-03-22T12:15:00Z'))).toBe(false);
  });
});

describe('free slots', () => {
  it('cuts availability into slots, skipping booked, past and too-far ones', () => {
    const slots = freeSlots({
      firstDay: '2027-03-22',
      days: 8,
      slotMinutes: 60,
      notBefore: new Date('2027-03-22T09:30:00Z'),
      notAfter: new Date('2027-03-29T09:00:00Z'),
      weekly,
      exceptions: [],
      booked: [{ start: new Date('2027-03-22T13:30:00Z'), end: new Date('2027-03-22T14:00:00Z') }],
      timeZone: 'UTC',
    });
    expect(slots.map((slot) => slot.start.toISOString())).toEqual(['2027-03-22T10:00:00.000Z', '2027-03-22T11:00:00.000Z', '2027-03-22T14:00:00.000Z', '2027-03-29T09:00:00.000Z']);
  });
});

describe('cancelling and attendance', () => {
  it('allows online cancelling up to the window before the visit', () => {
    const startsAt = new Date('2027-03-22T10:00:00Z');
    expect(canPatientCancel(startsAt, 24, new Date('2027-03-21T10:00:00Z'))).toBe(true);
    expect(canPatientCancel(startsAt, 24, new Date('2027-03-21T10:00:01Z'))).toBe(false);
    expect(canPatientCancel(startsAt, 0, new Date('2027-03-22T09:59:00Z'))).toBe(true);
  });

  it('rates missed and late-cancelled visits over the visits that were due', () => {
    expect(attendanceRates({ attended: 6, lateCancel: 2, didNotAttend: 2 })).toEqual({ due: 10, didNotAttendRate: 0.2, lateCancelRate: 0.2 });
    expect(attendanceRates({ attended: 0, lateCancel: 0, didNotAttend: 0 })).toEqual({ due: 0, didNotAttendRate: null, lateCancelRate: null });
  });
});
