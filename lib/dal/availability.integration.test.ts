import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createUser, signInAs } from '@/db/factories';
import { appointments, auditEvents, clinics, episodes, users } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { setTestSession } from '@/lib/auth/session-claims';
import { isAppError } from '@/lib/errors';
import {
  addAvailabilityException,
  addWeeklyWindow,
  bookFollowUp,
  getMyAvailability,
  listFollowUpSlots,
  removeAvailabilityException,
  removeWeeklyWindow,
} from './availability';

const db = setupTestDatabase();

// Monday 1 March 2027, 08:00 in London (UTC in winter): the clinician works Mondays and Tuesdays 09:00–11:00.
const NOW = new Date('2027-03-01T08:00:00Z');

async function clinicWithAvailability() {
  const team = await createCareTeam(db());
  await db().update(clinics).set({ slotMinutes: 30, bookingHorizonDays: 7, contactAddress: '1 High Street' }).where(eq(clinics.id, team.clinic.id));
  await signInAs(db(), team.clinician.id);
  expect(await addWeeklyWindow({ weekday: 1, startTime: '09:00', endTime: '11:00' })).toBe('added');
  expect(await addWeeklyWindow({ weekday: 2, startTime: '09:00', endTime: '11:00' })).toBe('added');
  return team;
}

const starts = (slots: { start: Date }[]) => slots.map((slot) => slot.start.toISOString());

describe('a clinician publishes availability', () => {
  it('keeps weekly periods and exceptions, refuses an overlapping period, and only touches their own', async () => {
    const team = await clinicWithAvailability();
    expect(await addWeeklyWindow({ weekday: 1, startTime: '10:30', endTime: '12:00' })).toBe('overlap');
    expect(await addWeeklyWindow({ weekday: 1, startTime: '11:00', endTime: '12:00' })).toBe('added');
    await addAvailabilityException({ day: '2027-03-02', kind: 'unavailable', startTime: '', endTime: '' });
    const mine = await getMyAvailability(NOW);
    expect(mine.weekly.map((window) => [window.weekday, window.startTime, window.endTime])).toEqual([
      [1, '09:00', '11:00'],
      [1, '11:00', '12:00'],
      [2, '09:00', '11:00'],
    ]);
    expect(mine.exceptions).toMatchObject([{ day: '2027-03-02', kind: 'unavailable', startTime: null, endTime: null }]);
    expect(await db().select().from(auditEvents).where(eq(auditEvents.actorId, team.clinician.id))).not.toHaveLength(0);

    const clinician2 = await createUser(db(), team.clinic.id, 'clinician');
    await signInAs(db(), clinician2.id);
    expect((await getMyAvailability(NOW)).weekly).toEqual([]);
    expect(await removeWeeklyWindow(mine.weekly[0]!.id)).toBe('not-found');
    expect(await removeAvailabilityException(mine.exceptions[0]!.id)).toBe('not-found');
    await signInAs(db(), team.clinician.id);
    expect(await removeWeeklyWindow(mine.weekly[1]!.id)).toBe('removed');
    expect(await removeAvailabilityException(mine.exceptions[0]!.id)).toBe('removed');
    expect((await getMyAvailability(NOW)).weekly).toHaveLength(2);

    await signInAs(db(), team.patient.id);
    expect(isAppError(await addWeeklyWindow({ weekday: 3, startTime: '09:00', endTime: '10:00' }).catch((error: unknown) => error), 'forbidden')).toBe(true);
  });
});

describe('a patient books a follow-up', () => {
  it('sees free slots within the clinic’s rules and books one', async () => {
    const team = await clinicWithAvailability();
    await addAvailabilityException({ day: '2027-03-02', kind: 'unavailable', startTime: '09:00', endTime: '10:00' });
    await signInAs(db(), team.patient.id);
    const options = await listFollowUpSlots(NOW);
    // Slots of 30 minutes, this Monday and Tuesday (minus its time off) and next Monday (7 days ahead, no further).
    expect(starts(options!.slots)).toEqual([
      '2027-03-01T09:00:00.000Z',
      '2027-03-01T09:30:00.000Z',
      '2027-03-01T10:00:00.000Z',
      '2027-03-01T10:30:00.000Z',
      '2027-03-02T10:00:00.000Z',
      '2027-03-02T10:30:00.000Z',
    ]);
    expect(options).toMatchObject({ clinicianName: team.clinician.name, rules: { slotMinutes: 30, horizonDays: 7 } });

    const submissionId = randomUUID();
    expect(await bookFollowUp({ submissionId, slot: '2027-03-02T10:00:00.000Z', kind: 'in-person' }, NOW)).toMatchObject({ status: 'booked' });
    // The same submission again (a double click) stores nothing and is not a refusal.
    expect(await bookFollowUp({ submissionId, slot: '2027-03-02T10:00:00.000Z', kind: 'in-person' }, NOW)).toEqual({ status: 'booked', appointmentId: null });
    const stored = await db().select().from(appointments).where(eq(appointments.patientId, team.patient.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ clinicianId: team.clinician.id, bookedBy: team.patient.id, kind: 'in-person', location: '1 High Street' });
    expect(stored[0]!.endsAt.toISOString()).toBe('2027-03-02T10:30:00.000Z');
    expect(starts((await listFollowUpSlots(NOW))!.slots)).not.toContain('2027-03-02T10:00:00.000Z');
  });

  it('refuses a time that was never offered: outside availability, past or beyond the horizon', async () => {
    const team = await clinicWithAvailability();
    await signInAs(db(), team.patient.id);
    for (const slot of ['2027-03-01T11:00:00.000Z', '2027-03-01T09:10:00.000Z', '2027-02-22T09:00:00.000Z', '2027-03-15T09:00:00.000Z', '2027-03-01T07:00:00.000Z']) {
      expect(await bookFollowUp({ submissionId: randomUUID(), slot, kind: 'phone' }, NOW)).toMatchObject({ status: 'taken' });
    }
    expect(await db().select().from(appointments).where(eq(appointments.patientId, team.patient.id))).toHaveLength(0);
  });

  it('offers nothing to a patient without active care, and refuses staff', async () => {
    const team = await clinicWithAvailability();
    await db().update(episodes).set({ status: 'discharged', dischargedAt: NOW }).where(eq(episodes.id, team.episode.id));
    await signInAs(db(), team.patient.id);
    expect(await listFollowUpSlots(NOW)).toBeNull();
    expect(await bookFollowUp({ submissionId: randomUUID(), slot: '2027-03-01T09:00:00.000Z', kind: 'phone' }, NOW)).toEqual({ status: 'no-care' });
    await signInAs(db(), team.clinician.id);
    expect(isAppError(await listFollowUpSlots(NOW).catch((error: unknown) => error), 'forbidden')).toBe(true);
  });

  it('two patients booking the same slot at the same moment: exactly one gets it, the other is shown the next free ones', async () => {
    const team = await clinicWithAvailability();
    const other = await createUser(db(), team.clinic.id, 'patient');
    await createEpisode(db(), { clinicId: team.clinic.id, patientId: other.id, clinicianId: team.clinician.id });
    const session = async (userId: string) => {
      const [row] = await db().select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId));
      return { userId, sessionVersion: row!.sessionVersion, signedInAt: Date.now() };
    };
    const [first, second] = [await session(team.patient.id), await session(other.id)];
    const slot = '2027-03-01T10:00:00.000Z';
    // Each call reads its session before its first await, so both run side by side.
    setTestSession(first, '203.0.113.9');
    const one = bookFollowUp({ submissionId: randomUUID(), slot, kind: 'phone' }, NOW);
    setTestSession(second, '203.0.113.10');
    const two = bookFollowUp({ submissionId: randomUUID(), slot, kind: 'phone' }, NOW);
    const outcomes = await Promise.all([one, two]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['booked', 'taken']);
    const loser = outcomes.find((outcome) => outcome.status === 'taken');
    expect(loser).toMatchObject({ message: 'Sorry, that time has just been taken. Here are the next free times.' });
    expect(loser?.status === 'taken' && starts(loser.nextFree)).toEqual(['2027-03-01T10:30:00.000Z', '2027-03-02T09:00:00.000Z', '2027-03-02T09:30:00.000Z']);
    const stored = await db().select().from(appointments).where(eq(appointments.clinicianId, team.clinician.id));
    expect(stored.filter((row) => row.startsAt.toISOString() === slot)).toHaveLength(1);
  });
});
