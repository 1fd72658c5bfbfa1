import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createUser, daysAgo, insertExerciseLogRow, insertExerciseRow, insertOneExercisePlan, insertPainEntryRow, signInAs } from '@/db/factories';
import { alerts, appointments, auditEvents, episodes } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { listAttendanceRates } from './attendance-rates';
import { getClinicianDay, recordAttendance } from './clinician-day';

const db = setupTestDatabase();

async function visit(team: { clinic: { id: string }; clinician: { id: string } }, episode: { id: string; patientId: string }, startsAt: Date, minutes = 30) {
  const [row] = await db()
    .insert(appointments)
    .values({
      clinicId: team.clinic.id,
      episodeId: episode.id,
      patientId: episode.patientId,
      clinicianId: team.clinician.id,
      bookedBy: team.clinician.id,
      kind: 'in-person',
      location: 'Room 1',
      startsAt,
      endsAt: new Date(startsAt.getTime() + minutes * 60_000),
      submissionId: randomUUID(),
    })
    .returning();
  return row!;
}

// Thursday 4 March 2027 in London (UTC in winter), 12:00.
const NOW = new Date('2027-03-04T12:00:00Z');

describe('the clinician’s day', () => {
  it('lists the day’s visits with flags, pain then and now and adherence since the last visit', async () => {
    const team = await createCareTeam(db());
    await db().update(episodes).set({ startedAt: new Date('2027-02-01T09:00:00Z') }).where(eq(episodes.id, team.episode.id));
    const exercise = await insertExerciseRow(db(), team.clinic.id);
    const plan = await insertOneExercisePlan(db(), { episodeId: team.episode.id, clinicianId: team.clinician.id, exerciseId: exercise.id, createdAt: new Date('2027-02-01T09:00:00Z') });
    // Last visit a week before; the patient came.
    const earlier = await visit(team, team.episode, new Date('2027-02-25T10:00:00Z'));
    await db().update(appointments).set({ attendance: 'attended', attendanceRecordedAt: NOW, attendanceRecordedBy: team.clinician.id }).where(eq(appointments.id, earlier.id));
    await insertPainEntryRow(db(), team.episode.id, 7, new Date('2027-02-24T08:00:00Z'));
    await insertPainEntryRow(db(), team.episode.id, 4, new Date('2027-03-03T08:00:00Z'));
    for (const day of [26, 27, 28]) await insertExerciseLogRow(db(), team.episode.id, plan.planItemId, new Date(`2027-02-${day}T08:00:00Z`));
    await insertExerciseLogRow(db(), team.episode.id, plan.planItemId, new Date('2027-02-20T08:00:00Z'));
    await db().insert(alerts).values({ episodeId: team.episode.id, reason: 'worsening', urgency: '24h', message: 'Pain getting worse' });
    const today = await visit(team, team.episode, new Date('2027-03-04T10:00:00Z'));
    // Another patient later the same day, and a visit tomorrow that does not show.
    const second = await createUser(db(), team.clinic.id, 'patient');
    const secondEpisode = await createEpisode(db(), { clinicId: team.clinic.id, patientId: second.id, clinicianId: team.clinician.id });
    await visit(team, secondEpisode, new Date('2027-03-04T15:00:00Z'));
    await visit(team, team.episode, new Date('2027-03-05T10:00:00Z'));

    await signInAs(db(), team.clinician.id);
    const day = await getClinicianDay('2027-03-04', NOW);
    expect(day.map((row) => [row.patientName, row.startsAt.toISOString()])).toEqual([
      [team.patient.name, '2027-03-04T10:00:00.000Z'],
      [second.name, '2027-03-04T15:00:00.000Z'],
    ]);
    const first = day[0]!;
    expect(first).toMatchObject({ id: today.id, sinceLastVisit: true, painThen: 7, painNow: 4, logged: 3 });
    // The caseload's flags, in its attention order: the open alert first, then those computed live.
    expect(first.flags).toEqual(['worsening', 'low-adherence', 'questionnaire-overdue']);
    expect(first.since.toISOString()).toBe('2027-02-25T10:00:00.000Z');
    // The plan asks for 7 sessions a week (one exercise, daily): 7 days to the visit → 7 sessions.
    expect(first.prescribed).toBe(7);
    expect(first.adherence).toBeCloseTo(3 / 7);
    // A patient with no earlier visit: since care started, pain then is the intake score.
    expect(day[1]).toMatchObject({ sinceLastVisit: false, painThen: 6, painNow: null, flags: expect.any(Array) });
    expect(await db().select().from(auditEvents).where(eq(auditEvents.action, 'clinician.day.read'))).toHaveLength(1);
  });

  it('records attendance once a visit has started; clinician2 sees none of it and cannot record', async () => {
    const team = await createCareTeam(db());
    const clinician2 = await createUser(db(), team.clinic.id, 'clinician');
    const started = await visit(team, team.episode, daysAgo(0, new Date(Date.now() - 3_600_000)));
    const later = await visit(team, team.episode, new Date(Date.now() + 3 * 3_600_000));
    await signInAs(db(), clinician2.id);
    expect(await getClinicianDay(new Date().toISOString().slice(0, 10))).toEqual([]);
    expect(await recordAttendance(started.id, 'attended')).toBe('not-found');
    await signInAs(db(), team.clinician.id);
    expect(await recordAttendance(later.id, 'did-not-attend')).toBe('not-started');
    expect(await recordAttendance(started.id, 'did-not-attend')).toBe('recorded');
    expect(await recordAttendance(started.id, 'late-cancel')).toBe('recorded');
    const [row] = await db().select().from(appointments).where(eq(appointments.id, started.id));
    expect(row).toMatchObject({ attendance: 'late-cancel', attendanceRecordedBy: team.clinician.id, status: 'booked' });
    expect(await recordAttendance('not-an-id', 'attended')).toBe('not-found');
    await signInAs(db(), team.manager.id);
    expect(isAppError(await getClinicianDay('2027-03-04').catch((error: unknown) => error), 'forbidden')).toBe(true);
  });
});

describe('attendance rates for managers', () => {
  it('counts did-not-attend and late cancellations over the visits that were due, by clinician of the clinic only', async () => {
    const team = await createCareTeam(db());
    const other = await createCareTeam(db());
    const outcomes = ['attended', 'attended', 'did-not-attend', 'late-cancel', null] as const;
    for (const [index, attendance] of outcomes.entries()) {
      const row = await visit(team, team.episode, new Date(`2027-02-0${index + 1}T10:00:00Z`));
      if (attendance) await db().update(appointments).set({ attendance, attendanceRecordedAt: NOW, attendanceRecordedBy: team.clinician.id }).where(eq(appointments.id, row.id));
    }
    // Cancelled in time, in the future, or in another clinic: not counted.
    const cancelled = await visit(team, team.episode, new Date('2027-02-10T10:00:00Z'));
    await db().update(appointments).set({ status: 'cancelled', cancelledAt: NOW }).where(eq(appointments.id, cancelled.id));
    await visit(team, team.episode, new Date('2027-03-10T10:00:00Z'));
    const away = await visit(other, other.episode, new Date('2027-02-02T10:00:00Z'));
    await db().update(appointments).set({ attendance: 'did-not-attend', attendanceRecordedAt: NOW, attendanceRecordedBy: other.clinician.id }).where(eq(appointments.id, away.id));

    await signInAs(db(), team.manager.id);
    const rows = await listAttendanceRates(new Date('2027-01-01T00:00:00Z'), new Date('2027-04-01T00:00:00Z'), NOW);
    expect(rows).toEqual([
      { clinicianId: team.clinician.id, clinicianName: team.clinician.name, attended: 2, lateCancel: 1, didNotAttend: 1, notRecorded: 1, due: 4, didNotAttendRate: 0.25, lateCancelRate: 0.25 },
    ]);
    await signInAs(db(), team.clinician.id);
    expect(isAppError(await listAttendanceRates(new Date(0), NOW).catch((error: unknown) => error), 'forbidden')).toBe(true);
  });
});
