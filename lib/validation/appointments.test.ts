import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { availabilityExceptionSchema, visitBookingSchema, weeklyWindowSchema } from './appointments';

const base = { submissionId: randomUUID(), kind: 'in-person', day: '2027-07-14', time: '10:00', minutes: '30', location: 'Room 2', videoUrl: '' };

describe('visit booking input', () => {
  it('accepts a visit and reads the length as a number', () => {
    expect(visitBookingSchema.parse(base)).toMatchObject({ minutes: 30, location: 'Room 2' });
  });

  it.each([
    [{ time: '25:00' }, 'time'],
    [{ time: '9:5' }, 'time'],
    [{ day: '2027-02-30' }, 'day'],
    [{ minutes: '4' }, 'minutes'],
    [{ minutes: '481' }, 'minutes'],
    [{ minutes: '30.5' }, 'minutes'],
    [{ kind: 'home' }, 'kind'],
    [{ location: '' }, 'location'],
    [{ kind: 'video', videoUrl: '' }, 'videoUrl'],
    [{ kind: 'video', videoUrl: 'http://meet.example/a' }, 'videoUrl'],
    [{ kind: 'video', videoUrl: 'javascript:alert(1)' }, 'videoUrl'],
  ])('refuses %o at its field', (change, field) => {
    const result = visitBookingSchema.safeParse({ ...base, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });

  it('refuses fields the form does not have', () => {
    expect(visitBookingSchema.safeParse({ ...base, clinicianId: randomUUID() }).success).toBe(false);
  });
});

describe('availability input', () => {
  it('needs the end after the start', () => {
    expect(weeklyWindowSchema.safeParse({ weekday: '1', startTime: '09:00', endTime: '09:00' }).success).toBe(false);
    expect(weeklyWindowSchema.parse({ weekday: '1', startTime: '09:00', endTime: '12:30' })).toEqual({ weekday: 1, startTime: '09:00', endTime: '12:30' });
  });

  it('takes a whole day off without times, but extra hours only with both', () => {
    expect(availabilityExceptionSchema.safeParse({ day: '2027-07-14', kind: 'unavailable', startTime: '', endTime: '' }).success).toBe(true);
    expect(availabilityExceptionSchema.safeParse({ day: '2027-07-14', kind: 'extra', startTime: '', endTime: '' }).success).toBe(false);
    expect(availabilityExceptionSchema.safeParse({ day: '2027-07-14', kind: 'unavailable', startTime: '10:00', endTime: '' }).success).toBe(false);
  });
});
