import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClinic, createEpisode, createUser, insertPainEntryRow, NO_RED_FLAGS, signInAs } from '@/db/factories';
import { alerts, auditEvents, clinics, episodes, painEntries, questionnaireSchedules, users } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { getViewer } from '@/lib/auth/viewer';
import { isAppError } from '@/lib/errors';
import { localDay, zonedTimeToUtc } from '@/lib/time';
import { evaluatePainAlerts } from './internal/alert-engine';
import { onboardPatient } from './onboarding';
import { createPainEntry } from './pain';
import { getClinicLocation, getMyTimeZone, setMyTimeZone, updateClinicLocation } from './time-zones';

const db = setupTestDatabase();

afterEach(() => {
  vi.useRealTimers();
});

/** Only Date is faked: the database driver's own timers keep running. */
function setClock(at: Date) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
}

async function newYorkTeam(patientZone: string | null = null) {
  const clinic = await createClinic(db(), { timeZone: 'America/New_York', country: 'US' });
  const clinician = await createUser(db(), clinic.id, 'clinician');
  const manager = await createUser(db(), clinic.id, 'manager');
  const patient = await createUser(db(), clinic.id, 'patient', { timeZone: patientZone });
  const episode = await createEpisode(db(), { clinicId: clinic.id, patientId: patient.id, clinicianId: clinician.id, startedAt: new Date('2026-01-05T15:00:00Z') });
  return { clinic, clinician, manager, patient, episode };
}

const painInput = (score: number) => ({
  submissionId: randomUUID(),
  score,
  worst24h: null,
  locations: ['lower-back' as const],
  belowKnee: false,
  note: null,
  newSymptom: false,
  redFlags: { ...NO_RED_FLAGS },
});

describe('whose zone a person follows', () => {
  it("a person without a zone of their own follows their clinic's, and a manager's change reaches them; an own zone stays", async () => {
    const { manager, patient, clinic } = await newYorkTeam();
    const traveller = await createUser(db(), clinic.id, 'patient', { timeZone: 'Australia/Sydney' });
    await signInAs(db(), patient.id);
    expect((await getViewer())!.timeZone).toBe('America/New_York');
    expect((await getViewer())!.clinicCountry).toBe('US');

    await signInAs(db(), manager.id);
    await updateClinicLocation({ timeZone: 'America/Chicago', country: 'CA' });
    expect(await getClinicLocation()).toEqual({ timeZone: 'America/Chicago', country: 'CA' });
    const [audit] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'manager.clinic.location-update'), eq(auditEvents.actorId, manager.id)));
    expect(audit!.detail).toEqual({ from: { timeZone: 'America/New_York', country: 'US' }, to: { timeZone: 'America/Chicago', country: 'CA' } });

    await signInAs(db(), patient.id);
    expect((await getViewer())!.timeZone).toBe('America/Chicago');
    await signInAs(db(), traveller.id);
    expect((await getViewer())!.timeZone).toBe('Australia/Sydney');
    expect((await getViewer())!.clinicCountry).toBe('CA');
  });

  it('only a manager changes the clinic: a clinician is refused and nothing changes', async () => {
    const { clinician, clinic } = await newYorkTeam();
    await signInAs(db(), clinician.id);
    const refused = await updateClinicLocation({ timeZone: 'Europe/London', country: 'GB' }).catch((error: unknown) => error);
    expect(isAppError(refused, 'forbidden')).toBe(true);
    const [row] = await db().select({ timeZone: clinics.timeZone, country: clinics.country }).from(clinics).where(eq(clinics.id, clinic.id));
    expect(row).toEqual({ timeZone: 'America/New_York', country: 'US' });
  });

  it('a person chooses their own zone and goes back to the clinic’s, each change audited', async () => {
    const { patient } = await newYorkTeam();
    await signInAs(db(), patient.id);
    expect(await getMyTimeZone()).toEqual({ own: null, clinic: 'America/New_York', effective: 'America/New_York' });
    await setMyTimeZone('Australia/Sydney');
    expect(await getMyTimeZone()).toEqual({ own: 'Australia/Sydney', clinic: 'America/New_York', effective: 'Australia/Sydney' });
    await setMyTimeZone(null);
    const [row] = await db().select({ timeZone: users.timeZone }).from(users).where(eq(users.id, patient.id));
    expect(row!.timeZone).toBeNull();
    const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'account.time-zone-update'), eq(auditEvents.actorId, patient.id)));
    expect(audits.map((event) => event.detail)).toEqual([{ timeZone: 'Australia/Sydney' }, { timeZone: 'clinic' }]);
  });

  it('refuses a change without a session', async () => {
    await signInAs(db(), null);
    expect(isAppError(await setMyTimeZone('UTC').catch((error: unknown) => error), 'unauthenticated')).toBe(true);
  });
});

describe('the patient’s day, with a clock the test controls', () => {
  it('a pain score at 23:30 in New York counts for that New York day, on both sides of the spring clock change', async () => {
    const { patient, episode } = await newYorkTeam();
    await signInAs(db(), patient.id);
    // Saturday 7 March 2026 23:30 EST is already Sunday in UTC; Sunday 8 March 23:30 EDT is Monday in UTC.
    for (const [day, score] of [['2026-03-07', 6], ['2026-03-08', 7]] as const) {
      const at = zonedTimeToUtc(day, 23, 30, 'America/New_York');
      expect(localDay(at, 'UTC')).not.toBe(day);
      setClock(at);
      const result = await createPainEntry(painInput(score));
      expect(result.status).toBe('created');
      vi.useRealTimers();
    }
    const rows = await db().select({ day: painEntries.localDay, score: painEntries.score }).from(painEntries).where(eq(painEntries.episodeId, episode.id)).orderBy(painEntries.recordedAt);
    expect(rows).toEqual([{ day: '2026-03-07', score: 6 }, { day: '2026-03-08', score: 7 }]);
  });

  it("a patient with their own zone (Sydney) logs on Sydney's day, not the New York clinic's", async () => {
    const { patient, episode } = await newYorkTeam('Australia/Sydney');
    await signInAs(db(), patient.id);
    // Sunday 5 April 2026 is the day Sydney's clocks go back: 23:30 AEST there is 09:30 the same day in New York.
    setClock(zonedTimeToUtc('2026-04-05', 23, 30, 'Australia/Sydney'));
    await createPainEntry(painInput(3));
    vi.useRealTimers();
    setClock(zonedTimeToUtc('2026-04-06', 0, 30, 'Australia/Sydney'));
    await createPainEntry(painInput(4));
    vi.useRealTimers();
    const days = await db().select({ day: painEntries.localDay }).from(painEntries).where(eq(painEntries.episodeId, episode.id)).orderBy(painEntries.recordedAt);
    expect(days.map((row) => row.day)).toEqual(['2026-04-05', '2026-04-06']);
  });

  it("the severe-pain rule counts 'today' in the patient's own zone", async () => {
    const { episode } = await newYorkTeam('Australia/Sydney');
    await insertPainEntryRow(db(), episode.id, 9, zonedTimeToUtc('2026-04-05', 9, 0, 'Australia/Sydney'));
    await insertPainEntryRow(db(), episode.id, 9, zonedTimeToUtc('2026-04-06', 7, 30, 'Australia/Sydney'));
    // 08:00 on Monday in Sydney is still Sunday evening in New York: two days of 8 or more end "today" only on Sydney's calendar.
    const now = zonedTimeToUtc('2026-04-06', 8, 0, 'Australia/Sydney');
    expect(localDay(now, 'America/New_York')).toBe('2026-04-05');
    expect(await evaluatePainAlerts(db(), episode.id, now)).toEqual(['severe-pain']);
    const [alert] = await db().select({ detail: alerts.detail }).from(alerts).where(eq(alerts.episodeId, episode.id));
    expect(alert!.detail).toMatchObject({ today: '2026-04-06' });
  });

  it('the first questionnaires are due three of the patient’s days after onboarding, even across the clock change', async () => {
    const { clinician } = await newYorkTeam();
    await signInAs(db(), clinician.id);
    // 23:30 on Thursday 5 March: three days later is Sunday 8 March, the day New York loses an hour.
    const now = zonedTimeToUtc('2026-03-05', 23, 30, 'America/New_York');
    const outcome = await onboardPatient(
      { name: 'Late Evening', email: `late-${randomUUID()}@test.example`, dateOfBirth: '1970-01-01', condition: 'Low back pain', intakeNprs: 6, intervalWeeks: 4, instruments: ['ODI'] },
      now,
    );
    if (outcome.status !== 'created') throw new Error('expected created');
    const [schedule] = await db().select({ dueAt: questionnaireSchedules.dueAt }).from(questionnaireSchedules).where(and(eq(questionnaireSchedules.episodeId, outcome.episodeId), eq(questionnaireSchedules.instrument, 'ODI')));
    expect(localDay(schedule!.dueAt!, 'America/New_York')).toBe('2026-03-08');
    // 72 hours after the same moment is already 9 March on a New York clock.
    expect(localDay(new Date(now.getTime() + 72 * 3_600_000), 'America/New_York')).toBe('2026-03-09');
    // The new patient has no zone of their own: they follow the clinic's until they choose one.
    const [patient] = await db().select({ timeZone: users.timeZone }).from(users).innerJoin(episodes, eq(episodes.patientId, users.id)).where(eq(episodes.id, outcome.episodeId));
    expect(patient!.timeZone).toBeNull();
  });
});
