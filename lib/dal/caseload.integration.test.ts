import { describe, expect, it } from 'vitest';
import { createClinic, createEpisode, createUser, daysAgo, insertCompletedQuestionnaireRow, insertExerciseLogRow, insertExerciseRow, insertOneExercisePlan, insertPainEntryRow, signInAs } from '@/db/factories';
import { auditEvents } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { raiseAlert } from './internal/alert-engine';
import { CASELOAD_PAGE_SIZE, listCaseload, type CaseloadQuery } from './caseload';
import { desc, eq } from 'drizzle-orm';

const db = setupTestDatabase();
const query = (overrides: Partial<CaseloadQuery> = {}): CaseloadQuery => ({
  sort: 'attention',
  direction: 'asc',
  flag: null,
  search: '',
  page: 1,
  ...overrides,
});

async function clinicWithCaseload() {
  const clinic = await createClinic(db());
  const clinician = await createUser(db(), clinic.id, 'clinician');
  const other = await createUser(db(), clinic.id, 'clinician');
  const exercise = await insertExerciseRow(db(), clinic.id);
  // Each patient answers the baseline questionnaires on their first day (the Oswestry unless the test gives
  // its own), so only the figure under test raises a flag.
  const patient = async (name: string, startedDaysAgo = 20, clinicianId = clinician.id, baselineOdi = true) => {
    const user = await createUser(db(), clinic.id, 'patient', { name });
    const episode = await createEpisode(db(), { clinicId: clinic.id, patientId: user.id, clinicianId, startedAt: daysAgo(startedDaysAgo), intakeNprs: 6 });
    const plan = await insertOneExercisePlan(db(), { episodeId: episode.id, clinicianId, exerciseId: exercise.id });
    await insertCompletedQuestionnaireRow(db(), episode.id, 'PSFS', 4, daysAgo(startedDaysAgo));
    await insertCompletedQuestionnaireRow(db(), episode.id, 'STARTBACK', 2, daysAgo(startedDaysAgo), 'low');
    if (baselineOdi) await insertCompletedQuestionnaireRow(db(), episode.id, 'ODI', 30, daysAgo(startedDaysAgo));
    return { user, episode, plan };
  };
  return { clinic, clinician, other, patient };
}

describe('listCaseload', () => {
  it('puts flagged patients first with the reason, and computes the figures in SQL', async () => {
    const { clinician, other, patient } = await clinicWithCaseload();
    const steady = await patient('Steady Adherent', 20, clinician.id, false);
    for (let day = 1; day <= 14; day += 1) await insertExerciseLogRow(db(), steady.episode.id, steady.plan.planItemId, daysAgo(day));
    await insertPainEntryRow(db(), steady.episode.id, 3, daysAgo(1));
    await insertCompletedQuestionnaireRow(db(), steady.episode.id, 'ODI', 40, daysAgo(19));
    await insertCompletedQuestionnaireRow(db(), steady.episode.id, 'ODI', 24, daysAgo(2));
    await insertCompletedQuestionnaireRow(db(), steady.episode.id, 'STARTBACK', 5, daysAgo(20), 'medium');
    // The caseload shows the current risk: the latest STarT Back band, not the first.
    await insertCompletedQuestionnaireRow(db(), steady.episode.id, 'STARTBACK', 2, daysAgo(3), 'low');
    await insertCompletedQuestionnaireRow(db(), steady.episode.id, 'STARTBACK', 7, daysAgo(25), 'high');
    const quiet = await patient('Quiet Inactive');
    await insertPainEntryRow(db(), quiet.episode.id, 5, daysAgo(10));
    const worse = await patient('Worse Worsening');
    await insertPainEntryRow(db(), worse.episode.id, 8, daysAgo(1));
    for (let day = 1; day <= 14; day += 1) await insertExerciseLogRow(db(), worse.episode.id, worse.plan.planItemId, daysAgo(day));
    await raiseAlert(db(), { episodeId: worse.episode.id, reason: 'worsening', urgency: 'same-day', message: 'Worse.' });
    await patient('Someone Else', 20, other.id);

    await signInAs(db(), clinician.id);
    const page = await listCaseload(query());
    expect(page.total).toBe(3);
    expect(page.rows.map((row) => row.patientName)).toEqual(['Worse Worsening', 'Quiet Inactive', 'Steady Adherent']);
    expect(page.rows[0]).toMatchObject({ flags: ['worsening'], reason: 'Pain getting worse', latestPain: 8, painChange: 2 });
    expect(page.rows[1]!.flags).toEqual(['inactive', 'low-adherence']);
    expect(page.rows[1]!.reason).toBe('Inactive (+1 more)');
    expect(page.rows[2]).toMatchObject({
      flags: [],
      reason: 'No flags',
      latestPain: 3,
      painChange: -3,
      odiLatest: 24,
      odiChange: -16,
      adherence7: 100,
      startbackRisk: 'low',
      weeksInCare: 2,
    });
  });

  it('filters by flag, searches by name, sorts by a column, and writes an audit row', async () => {
    const { clinician, patient } = await clinicWithCaseload();
    const a = await patient('Alpha Search');
    await insertPainEntryRow(db(), a.episode.id, 2, daysAgo(1));
    const b = await patient('Beta Search');
    await insertPainEntryRow(db(), b.episode.id, 9, daysAgo(1));
    await raiseAlert(db(), { episodeId: b.episode.id, reason: 'severe-pain', urgency: 'same-day', message: 'Severe.' });
    await signInAs(db(), clinician.id);
    expect((await listCaseload(query({ flag: 'severe-pain' }))).rows.map((row) => row.patientName)).toEqual(['Beta Search']);
    expect((await listCaseload(query({ search: 'alph' }))).rows.map((row) => row.patientName)).toEqual(['Alpha Search']);
    expect((await listCaseload(query({ search: "'; drop table users; --" }))).rows).toEqual([]);
    const byPain = await listCaseload(query({ sort: 'pain', direction: 'desc' }));
    expect(byPain.rows.map((row) => row.latestPain)).toEqual([9, 2]);
    const [audit] = await db().select().from(auditEvents).where(eq(auditEvents.actorId, clinician.id)).orderBy(desc(auditEvents.id)).limit(1);
    expect(audit).toMatchObject({ action: 'clinician.caseload.read', outcome: 'success' });
  });

  it('pages a large caseload', async () => {
    const { clinician, patient } = await clinicWithCaseload();
    for (let i = 0; i < CASELOAD_PAGE_SIZE + 3; i += 1) await patient(`Page Patient ${String(i).padStart(2, '0')}`, 2);
    await signInAs(db(), clinician.id);
    const first = await listCaseload(query({ sort: 'name' }));
    expect(first).toMatchObject({ total: CASELOAD_PAGE_SIZE + 3, pageCount: 2 });
    expect(first.rows).toHaveLength(CASELOAD_PAGE_SIZE);
    const second = await listCaseload(query({ sort: 'name', page: 2 }));
    expect(second.rows.map((row) => row.patientName)).toEqual(['Page Patient 50', 'Page Patient 51', 'Page Patient 52']);
  });

  it('shows an overdue questionnaire when the routine Oswestry is past its interval', async () => {
    const { clinician, patient } = await clinicWithCaseload();
    const late = await patient('Late Questionnaire', 40);
    await insertPainEntryRow(db(), late.episode.id, 4, daysAgo(1));
    await signInAs(db(), clinician.id);
    const [row] = (await listCaseload(query({ search: 'late questionnaire' }))).rows;
    expect(row!.flags).toContain('questionnaire-overdue');
  });

  it('refuses patients and managers', async () => {
    const clinic = await createClinic(db());
    for (const role of ['patient', 'manager'] as const) {
      const user = await createUser(db(), clinic.id, role);
      await signInAs(db(), user.id);
      await expect(listCaseload(query())).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
    }
  });
});
