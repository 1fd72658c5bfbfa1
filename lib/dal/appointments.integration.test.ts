import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createUser, signInAs } from '@/db/factories';
import { EXCLUSION_VIOLATION } from '@/db/errors';
import { accountClosures, appointments, auditEvents, calendarFeedTokens, clinicianAvailability, episodes, messages, users } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import type { VisitBookingInput } from '@/lib/validation/appointments';
import { purgeExpiredRecords } from './internal/retention-purge';
import { bookVisit, cancelMyAppointment, getEpisodeVisits, getMyNextAppointment, listMyAppointments, requestVisitMove } from './appointments';

const db = setupTestDatabase();

const visit = (overrides: Partial<VisitBookingInput> = {}): VisitBookingInput => ({
  submissionId: randomUUID(),
  kind: 'in-person',
  day: '2027-07-14',
  time: '10:00',
  minutes: 30,
  location: 'Room 2',
  videoUrl: '',
  ...overrides,
});

async function storedVisits(episodeId: string) {
  return db().select().from(appointments).where(eq(appointments.episodeId, episodeId));
}

describe('a clinician books a visit', () => {
  it('stores the clinic-zone time in UTC and shows it to the patient', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.clinician.id);
    // Europe/London is on summer time (UTC+1) in July and on UTC in January.
    expect(await bookVisit(team.episode.id, visit())).toMatchObject({ status: 'booked' });
    expect(await bookVisit(team.episode.id, visit({ day: '2027-01-13', time: '10:00', kind: 'video', videoUrl: 'https://meet.example/abc', location: '' }))).toMatchObject({ status: 'booked' });
    const stored = (await storedVisits(team.episode.id)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    expect(stored.map((row) => [row.startsAt.toISOString(), row.endsAt.toISOString(), row.kind])).toEqual([
      ['2027-01-13T10:00:00.000Z', '2027-01-13T10:30:00.000Z', 'video'],
      ['2027-07-14T09:00:00.000Z', '2027-07-14T09:30:00.000Z', 'in-person'],
    ]);
    expect(stored[1]).toMatchObject({ clinicianId: team.clinician.id, patientId: team.patient.id, bookedBy: team.clinician.id, location: 'Room 2', status: 'booked' });
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.action, 'clinician.appointment.create'));
    expect(audit.filter((row) => row.patientId === team.patient.id)).toHaveLength(2);

    await signInAs(db(), team.patient.id);
    const mine = await listMyAppointments(new Date('2026-12-01T00:00:00Z'));
    expect(mine.upcoming.map((row) => row.startsAt.toISOString())).toEqual(['2027-01-13T10:00:00.000Z', '2027-07-14T09:00:00.000Z']);
    expect(mine.upcoming[0]).toMatchObject({ kind: 'video', videoUrl: 'https://meet.example/abc', clinicianName: team.clinician.name, canCancel: true });
    expect((await getMyNextAppointment(new Date('2027-02-01T00:00:00Z')))?.startsAt.toISOString()).toBe('2027-07-14T09:00:00.000Z');
    const later = await listMyAppointments(new Date('2027-02-01T00:00:00Z'));
    expect(later.past.map((row) => row.kind)).toEqual(['video']);
  });

  it('refuses a time in the past, an overlap and a discharged episode, storing nothing', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.clinician.id);
    expect(await bookVisit(team.episode.id, visit({ day: '2020-03-02' }))).toEqual({ status: 'refused', field: 'time', message: expect.stringMatching(/already passed/) });
    expect(await bookVisit(team.episode.id, visit())).toMatchObject({ status: 'booked' });
    expect(await bookVisit(team.episode.id, visit({ time: '10:15' }))).toEqual({ status: 'refused', field: 'time', message: expect.stringMatching(/already has a visit/) });
    // Back to back is not an overlap: the ranges are half-open.
    expect(await bookVisit(team.episode.id, visit({ time: '10:30' }))).toMatchObject({ status: 'booked' });
    expect(await storedVisits(team.episode.id)).toHaveLength(2);

    await db().update(episodes).set({ status: 'discharged', dischargedAt: new Date() }).where(eq(episodes.id, team.episode.id));
    expect(await bookVisit(team.episode.id, visit({ time: '15:00' }))).toMatchObject({ status: 'refused', message: expect.stringMatching(/discharged/) });
    expect(await storedVisits(team.episode.id)).toHaveLength(2);
  });

  it('refuses a visit overlapping one the patient has with another clinician', async () => {
    const team = await createCareTeam(db());
    const other = await createUser(db(), team.clinic.id, 'clinician');
    const otherEpisode = await createEpisode(db(), { clinicId: team.clinic.id, patientId: team.patient.id, clinicianId: other.id });
    await signInAs(db(), other.id);
    expect(await bookVisit(otherEpisode.id, visit())).toMatchObject({ status: 'booked' });
    await signInAs(db(), team.clinician.id);
    expect(await bookVisit(team.episode.id, visit({ time: '10:10' }))).toEqual({ status: 'refused', field: 'time', message: 'The patient already has a visit at that time.' });
    expect(await storedVisits(team.episode.id)).toHaveLength(0);
  });

  it('keeps to published availability, and books freely when none is published', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.clinician.id);
    expect(await bookVisit(team.episode.id, visit({ time: '19:00' }))).toMatchObject({ status: 'booked' });
    // Wednesdays 09:00–12:00 in the clinic's zone.
    await db().insert(clinicianAvailability).values({ clinicId: team.clinic.id, clinicianId: team.clinician.id, weekday: 3, startTime: '09:00', endTime: '12:00' });
    expect(await bookVisit(team.episode.id, visit({ time: '11:45' }))).toEqual({ status: 'refused', field: 'time', message: expect.stringMatching(/outside your published availability/) });
    expect(await bookVisit(team.episode.id, visit({ time: '08:30' }))).toMatchObject({ status: 'refused' });
    expect(await bookVisit(team.episode.id, visit({ day: '2027-07-15', time: '10:00' }))).toMatchObject({ status: 'refused' });
    expect(await bookVisit(team.episode.id, visit({ time: '11:30' }))).toMatchObject({ status: 'booked' });
    expect(await storedVisits(team.episode.id)).toHaveLength(2);
  });

  it('stores one visit for a repeated submission', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.clinician.id);
    const input = visit();
    expect(await bookVisit(team.episode.id, input)).toMatchObject({ status: 'booked' });
    expect(await bookVisit(team.episode.id, input)).toEqual({ status: 'booked', appointmentId: null });
    expect(await storedVisits(team.episode.id)).toHaveLength(1);
  });

  it('obeys the care team: clinician2 can neither see nor book the visits of clinician’s patient', async () => {
    const team = await createCareTeam(db());
    const clinician2 = await createUser(db(), team.clinic.id, 'clinician');
    await signInAs(db(), team.clinician.id);
    await bookVisit(team.episode.id, visit());
    await signInAs(db(), clinician2.id);
    expect(await getEpisodeVisits(team.episode.id)).toBeNull();
    expect(await bookVisit(team.episode.id, visit({ time: '14:00' }))).toEqual({ status: 'not-found' });
    expect(await storedVisits(team.episode.id)).toHaveLength(1);
    await signInAs(db(), team.clinician.id);
    expect((await getEpisodeVisits(team.episode.id))?.appointments).toHaveLength(1);
    await signInAs(db(), team.manager.id);
    expect(isAppError(await getEpisodeVisits(team.episode.id).catch((error: unknown) => error), 'forbidden')).toBe(true);
    expect(isAppError(await listMyAppointments().catch((error: unknown) => error), 'forbidden')).toBe(true);
  });
});

describe('a patient cancels', () => {
  it('within the window, and is told to call after it; never someone else’s visit', async () => {
    const team = await createCareTeam(db());
    const stranger = await createCareTeam(db());
    await signInAs(db(), team.clinician.id);
    await bookVisit(team.episode.id, visit());
    const [booked] = await storedVisits(team.episode.id);
    await signInAs(db(), stranger.patient.id);
    expect(await cancelMyAppointment(booked!.id)).toBe('not-found');
    await signInAs(db(), team.patient.id);
    // The clinic's window is 24 hours by default.
    expect(await cancelMyAppointment(booked!.id, new Date('2027-07-13T09:30:00Z'))).toBe('too-late');
    expect((await storedVisits(team.episode.id))[0]!.status).toBe('booked');
    expect(await cancelMyAppointment(booked!.id, new Date('2027-07-13T08:30:00Z'))).toBe('cancelled');
    expect((await storedVisits(team.episode.id))[0]).toMatchObject({ status: 'cancelled', cancelledBy: team.patient.id });
    expect(await cancelMyAppointment(booked!.id, new Date('2027-07-13T08:30:00Z'))).toBe('not-found');
    // The cancelled slot is free again.
    await signInAs(db(), team.clinician.id);
    expect(await bookVisit(team.episode.id, visit())).toMatchObject({ status: 'booked' });
  });
});

describe('the database refuses a slot taken twice', () => {
  it('on this database too, with SQLSTATE 23P01, whatever the application does', async () => {
    const team = await createCareTeam(db());
    const other = await createUser(db(), team.clinic.id, 'patient');
    const otherEpisode = await createEpisode(db(), { clinicId: team.clinic.id, patientId: other.id, clinicianId: team.clinician.id });
    const row = (episodeId: string, patientId: string, startsAt: string, endsAt: string) => ({
      clinicId: team.clinic.id,
      episodeId,
      patientId,
      clinicianId: team.clinician.id,
      bookedBy: team.clinician.id,
      kind: 'phone' as const,
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
    });
    await db().insert(appointments).values(row(team.episode.id, team.patient.id, '2027-05-03T09:00:00Z', '2027-05-03T09:30:00Z'));
    const error = await db()
      .insert(appointments)
      .values(row(otherEpisode.id, other.id, '2027-05-03T09:29:00Z', '2027-05-03T10:00:00Z'))
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: EXCLUSION_VIOLATION, constraint: 'appointments_clinician_no_overlap' });
    // Two inserts at the same moment: exactly one is stored.
    const results = await Promise.allSettled([
      db().insert(appointments).values(row(team.episode.id, team.patient.id, '2027-05-04T09:00:00Z', '2027-05-04T09:30:00Z')),
      db().insert(appointments).values(row(otherEpisode.id, other.id, '2027-05-04T09:00:00Z', '2027-05-04T09:30:00Z')),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    // A cancelled visit no longer holds its time.
    await db().update(appointments).set({ status: 'cancelled', cancelledAt: new Date() }).where(eq(appointments.episodeId, team.episode.id));
    await db().insert(appointments).values(row(otherEpisode.id, other.id, '2027-05-03T09:00:00Z', '2027-05-03T09:30:00Z'));
  });
});

describe('the end of retention', () => {
  it('purges a closed patient’s visits and calendar feed with the rest of the record', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.clinician.id);
    await bookVisit(team.episode.id, visit());
    await db().insert(calendarFeedTokens).values({ userId: team.patient.id, tokenHash: randomUUID() });
    await db().update(users).set({ active: false }).where(eq(users.id, team.patient.id));
    await db().update(episodes).set({ status: 'discharged', dischargedAt: new Date('2020-01-01T00:00:00Z') }).where(eq(episodes.id, team.episode.id));
    await db().insert(accountClosures).values({ userId: team.patient.id, clinicId: team.clinic.id, closedAt: new Date('2020-01-02T00:00:00Z'), retainUntil: new Date('2021-01-02T00:00:00Z') });
    expect(await purgeExpiredRecords(db(), new Date())).toMatchObject({ purged: 1, failed: 0 });
    expect(await storedVisits(team.episode.id)).toHaveLength(0);
    expect(await db().select().from(calendarFeedTokens).where(eq(calendarFeedTokens.userId, team.patient.id))).toHaveLength(0);
  });
});

describe('a patient asks to move a visit', () => {
  it('sends the care team a message naming the visit; the visit stays booked; never for someone else’s visit', async () => {
    const team = await createCareTeam(db());
    const stranger = await createCareTeam(db());
    await signInAs(db(), team.clinician.id);
    await bookVisit(team.episode.id, visit());
    const [booked] = await storedVisits(team.episode.id);
    await signInAs(db(), stranger.patient.id);
    expect(await requestVisitMove(booked!.id, { submissionId: randomUUID(), note: '' })).toEqual({ status: 'not-found' });
    await signInAs(db(), team.patient.id);
    const submissionId = randomUUID();
    expect(await requestVisitMove(booked!.id, { submissionId, note: 'Could we make it a Thursday?' })).toEqual({ status: 'sent' });
    expect(await requestVisitMove(booked!.id, { submissionId, note: 'Could we make it a Thursday?' })).toEqual({ status: 'sent' });
    const sent = await db().select().from(messages).where(eq(messages.authorId, team.patient.id));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'visit-request' });
    expect(sent[0]!.body).toBe('Please could we move my visit on Wednesday, 14 July 2027, 10:00–10:30 (Europe/London)?\n\nCould we make it a Thursday?');
    expect((await storedVisits(team.episode.id))[0]!.status).toBe('booked');
    // A visit in the past cannot be moved.
    expect(await requestVisitMove(booked!.id, { submissionId: randomUUID(), note: '' }, new Date('2027-08-01T00:00:00Z'))).toEqual({ status: 'not-found' });
  });
});
