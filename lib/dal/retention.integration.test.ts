import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createUser, daysAgo, insertCompletedQuestionnaireRow, insertExerciseLogRow, insertExerciseRow, insertOneExercisePlan, insertPainEntryRow, signInAs } from '@/db/factories';
import { accountClosures, auditEvents, episodeSummaries, episodes, measurements, notes, painEntries, plans, tokens, users } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { getViewer } from '@/lib/auth/viewer';
import { isAppError } from '@/lib/errors';
import { MS_PER_DAY } from '@/lib/time';
import { verifyAuditChain } from '@/lib/audit/chain';
import { setUserActive } from './clinic-users';
import { closePatientAccount, findPatientByEmail, getPatientAccount, getRetentionYears, listClosedAccounts, setRetentionYears } from './retention';
import { purgeExpiredRecords } from './internal/retention-purge';
import { issueToken } from './internal/tokens';

const db = setupTestDatabase();
const forbidden = async (call: () => Promise<unknown>) => isAppError(await call().catch((error: unknown) => error), 'forbidden');
const YEAR_MS = 365.25 * MS_PER_DAY;

/** A discharged patient with a full record: pain, exercise logs, a questionnaire, a measurement and a note. */
async function dischargedPatient(dateOfBirth = '1980-04-02') {
  const team = await createCareTeam(db());
  await db().update(users).set({ dateOfBirth }).where(eq(users.id, team.patient.id));
  await db().update(episodes).set({ status: 'discharged', dischargedAt: daysAgo(1) }).where(eq(episodes.id, team.episode.id));
  await insertPainEntryRow(db(), team.episode.id, 5, daysAgo(10));
  const exercise = await insertExerciseRow(db(), team.clinic.id);
  const plan = await insertOneExercisePlan(db(), { episodeId: team.episode.id, clinicianId: team.clinician.id, exerciseId: exercise.id });
  await insertExerciseLogRow(db(), team.episode.id, plan.planItemId, daysAgo(9));
  await insertCompletedQuestionnaireRow(db(), team.episode.id, 'ODI', 30, daysAgo(8));
  await db().insert(measurements).values({ episodeId: team.episode.id, clinicianId: team.clinician.id, code: 'lumbar-flexion', value: 40, unit: 'deg', measuredAt: daysAgo(8) });
  await db().insert(notes).values({ episodeId: team.episode.id, authorId: team.clinician.id, subjective: 'Private words' });
  return team;
}

describe('the retention setting', () => {
  it('defaults to 8 years and a manager changes it, audited', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.manager.id);
    expect(await getRetentionYears()).toBe(8);
    await setRetentionYears(10);
    expect(await getRetentionYears()).toBe(10);
    const rows = await db().select().from(auditEvents).where(eq(auditEvents.resourceId, team.clinic.id));
    expect(rows.some((row) => row.action === 'manager.clinic.retention-update' && (row.detail as { retentionYears: number }).retentionYears === 10)).toBe(true);
  });

  it('cannot be read or changed by clinicians or patients', async () => {
    const team = await createCareTeam(db());
    for (const user of [team.clinician, team.patient]) {
      await signInAs(db(), user.id);
      expect(await forbidden(getRetentionYears)).toBe(true);
      expect(await forbidden(() => setRetentionYears(1))).toBe(true);
    }
  });
});

describe('closing a patient account', () => {
  it('ends sign-in at once and keeps the record for the retention period', async () => {
    const team = await dischargedPatient();
    await issueToken(db(), { userId: team.patient.id, kind: 'reset', createdBy: team.manager.id });
    await signInAs(db(), team.patient.id);
    const patientSession = await getViewer();
    expect(patientSession?.userId).toBe(team.patient.id);

    await signInAs(db(), team.manager.id);
    expect(await findPatientByEmail(team.patient.email.toUpperCase())).toBe(team.patient.id);
    const closedAt = new Date('2026-06-01T09:00:00Z');
    const outcome = await closePatientAccount(team.patient.id, closedAt);
    expect(outcome).toEqual({ status: 'closed', retainUntil: new Date('2034-06-01T09:00:00Z') });

    // The patient's existing session (old session version) no longer works.
    await signInAs(db(), null);
    const { setTestSession } = await import('@/lib/auth/session-claims');
    setTestSession({ userId: team.patient.id, sessionVersion: team.patient.sessionVersion, signedInAt: Date.now() }, '203.0.113.9');
    expect(await getViewer()).toBeNull();
    const [user] = await db().select().from(users).where(eq(users.id, team.patient.id));
    expect(user).toMatchObject({ active: false, sessionVersion: team.patient.sessionVersion + 1 });
    expect((await db().select().from(tokens).where(eq(tokens.userId, team.patient.id))).every((token) => token.usedAt !== null)).toBe(true);
    // The record is all still there.
    expect(await db().select().from(painEntries).where(eq(painEntries.episodeId, team.episode.id))).toHaveLength(1);

    await signInAs(db(), team.manager.id);
    const account = await getPatientAccount(team.patient.id);
    expect(account?.closure?.retainUntil).toEqual(new Date('2034-06-01T09:00:00Z'));
    expect((await listClosedAccounts()).map((row) => row.id)).toContain(team.patient.id);
    expect(await closePatientAccount(team.patient.id)).toEqual({ status: 'already-closed' });
    // A closed account cannot be switched back on.
    expect(await setUserActive(team.patient.id, true)).toBe('not-found');
    const actions = (await db().select().from(auditEvents).where(eq(auditEvents.patientId, team.patient.id))).map((row) => row.action);
    expect(actions).toContain('manager.patient.account-close');
  });

  it('refuses while an episode is open, changing nothing', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.manager.id);
    expect(await closePatientAccount(team.patient.id)).toEqual({ status: 'in-care' });
    const [user] = await db().select().from(users).where(eq(users.id, team.patient.id));
    expect(user!.active).toBe(true);
    expect(await db().select().from(accountClosures).where(eq(accountClosures.userId, team.patient.id))).toHaveLength(0);
  });

  it('keeps a child’s record until their 25th birthday when that is later than the clinic’s period', async () => {
    const team = await dischargedPatient('2014-01-20');
    await signInAs(db(), team.manager.id);
    expect(await closePatientAccount(team.patient.id, new Date('2026-03-10T12:00:00Z'))).toEqual({ status: 'closed', retainUntil: new Date('2039-01-20T00:00:00Z') });
  });

  it('cannot be done by a clinician, a patient, or another clinic’s manager', async () => {
    const team = await dischargedPatient();
    for (const user of [team.clinician, team.patient]) {
      await signInAs(db(), user.id);
      expect(await forbidden(() => closePatientAccount(team.patient.id))).toBe(true);
      expect(await forbidden(() => findPatientByEmail(team.patient.email))).toBe(true);
    }
    const other = await createCareTeam(db());
    await signInAs(db(), other.manager.id);
    expect(await closePatientAccount(team.patient.id)).toEqual({ status: 'not-found' });
    expect(await findPatientByEmail(team.patient.email)).toBeNull();
    expect(await getPatientAccount(team.patient.id)).toBeNull();
    const [user] = await db().select().from(users).where(eq(users.id, team.patient.id));
    expect(user!.active).toBe(true);
    const denied = await db().select().from(auditEvents).where(eq(auditEvents.resourceId, team.patient.id));
    expect(denied.some((row) => row.action === 'manager.patient.account-close' && row.outcome === 'denied' && row.actorId === other.manager.id)).toBe(true);
  });
});

describe('the purge at the end of retention', () => {
  it('deletes nothing before the end, then the whole record; the audit trail keeps the fact, not the content', async () => {
    const team = await dischargedPatient();
    const bystander = await dischargedPatient();
    await signInAs(db(), team.manager.id);
    const closedAt = new Date('2026-01-15T10:00:00Z');
    const closed = await closePatientAccount(team.patient.id, closedAt);
    if (closed.status !== 'closed') throw new Error('expected a closure');
    const before = await db().select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.patientId, team.patient.id));

    // One second before the end: kept.
    expect(await purgeExpiredRecords(db(), new Date(closed.retainUntil.getTime() - 1000))).toMatchObject({ purged: 0 });
    expect(await db().select().from(users).where(eq(users.id, team.patient.id))).toHaveLength(1);

    // At the end: gone, with everything it held.
    expect(await purgeExpiredRecords(db(), new Date(closedAt.getTime() + 8 * YEAR_MS))).toEqual({ purged: 1, failed: 0 });
    expect(await db().select().from(users).where(eq(users.id, team.patient.id))).toHaveLength(0);
    expect(await db().select().from(episodes).where(eq(episodes.id, team.episode.id))).toHaveLength(0);
    expect(await db().select().from(episodeSummaries).where(eq(episodeSummaries.episodeId, team.episode.id))).toHaveLength(0);
    expect(await db().select().from(plans).where(eq(plans.episodeId, team.episode.id))).toHaveLength(0);
    expect(await db().select().from(accountClosures).where(eq(accountClosures.userId, team.patient.id))).toHaveLength(0);
    // Other patients are untouched.
    expect(await db().select().from(painEntries).where(eq(painEntries.episodeId, bystander.episode.id))).toHaveLength(1);

    const trail = await db().select().from(auditEvents).where(eq(auditEvents.patientId, team.patient.id));
    // Earlier rows stay (append-only), and one more says the record was purged.
    expect(trail.filter((row) => before.some((earlier) => earlier.id === row.id))).toHaveLength(before.length);
    const purge = trail.find((row) => row.action === 'retention.purge');
    expect(purge).toMatchObject({ outcome: 'success', actorRole: 'system', clinicId: team.clinic.id });
    expect(purge!.detail).toMatchObject({ rows: { episodes: 1, painEntries: 1, exerciseLogs: 1, questionnaireResponses: 1, measurements: 1, notes: 1 } });
    const written = JSON.stringify(purge);
    for (const secret of [team.patient.name, team.patient.email, 'Private words', '1980-04-02']) expect(written).not.toContain(secret);
    expect((await verifyAuditChain(db())).firstBadId).toBeNull();

    // A second run finds nothing more to do.
    expect(await purgeExpiredRecords(db(), new Date(closedAt.getTime() + 8 * YEAR_MS + 1000))).toEqual({ purged: 0, failed: 0 });
  });

  it('never purges an account that was not closed, however old', async () => {
    const team = await dischargedPatient();
    const old = await createUser(db(), team.clinic.id, 'patient', { active: false });
    await createEpisode(db(), { clinicId: team.clinic.id, patientId: old.id, clinicianId: team.clinician.id, startedAt: new Date('2001-01-01T00:00:00Z') });
    await purgeExpiredRecords(db(), new Date('2100-01-01T00:00:00Z'));
    expect(await db().select().from(users).where(inArray(users.id, [team.patient.id, old.id]))).toHaveLength(2);
  });
});
