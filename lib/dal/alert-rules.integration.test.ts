import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createUser, daysAgo, insertCompletedQuestionnaireRow, insertExerciseLogRow, insertExerciseRow, insertOneExercisePlan, insertPainEntryRow } from '@/db/factories';
import { alerts, questionnaireSchedules } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { evaluateQuestionnaireAlerts, evaluateTimeBasedAlerts, raiseAlert } from './internal/alert-engine';
import { sql } from 'drizzle-orm';

const db = setupTestDatabase();
const now = new Date('2026-11-20T18:00:00Z');

async function openReasons(episodeId: string) {
  const rows = await db()
    .select({ reason: alerts.reason })
    .from(alerts)
    .where(and(eq(alerts.episodeId, episodeId), isNull(alerts.acknowledgedAt), isNull(alerts.resolvedAt)));
  return rows.map((row) => row.reason).sort();
}

/**
 * An episode of `startedDaysAgo` with a daily one-exercise plan (7 sessions a week) and the baseline
 * questionnaires answered on its first day, so only the rule under test can raise an alert.
 */
async function episodeWithPlan(startedDaysAgo = 20) {
  const team = await createCareTeam(db());
  const episode = await createEpisode(db(), {
    clinicId: team.clinic.id,
    patientId: (await createUser(db(), team.clinic.id, 'patient')).id,
    clinicianId: team.clinician.id,
    startedAt: daysAgo(startedDaysAgo, now),
  });
  const exercise = await insertExerciseRow(db(), team.clinic.id);
  const plan = await insertOneExercisePlan(db(), { episodeId: episode.id, clinicianId: team.clinician.id, exerciseId: exercise.id, createdAt: daysAgo(startedDaysAgo, now) });
  for (const instrument of ['ODI', 'PSFS', 'STARTBACK'] as const) {
    await insertCompletedQuestionnaireRow(db(), episode.id, instrument, 5, daysAgo(startedDaysAgo, now), instrument === 'STARTBACK' ? 'low' : null);
  }
  return { ...team, episode, plan };
}

const only = (episodeId: string) => sql`e.id = ${episodeId}`;

describe('evaluateQuestionnaireAlerts', () => {
  it('raises for an ODI rise of 10 points (exactly the threshold), once', async () => {
    const { episode } = await createCareTeam(db());
    await insertCompletedQuestionnaireRow(db(), episode.id, 'ODI', 30, daysAgo(28, now));
    await insertCompletedQuestionnaireRow(db(), episode.id, 'ODI', 40, daysAgo(1, now));
    expect(await evaluateQuestionnaireAlerts(db(), episode.id, now)).toEqual(['questionnaire-worsening']);
    expect(await evaluateQuestionnaireAlerts(db(), episode.id, now)).toEqual([]);
    const [alert] = await db().select({ detail: alerts.detail }).from(alerts).where(eq(alerts.episodeId, episode.id));
    expect(alert!.detail).toMatchObject({ instrument: 'ODI', previous: 30, latest: 40 });
  });

  it('does not raise for an ODI rise of 9.9, and compares with the previous response, not the first', async () => {
    const { episode } = await createCareTeam(db());
    await insertCompletedQuestionnaireRow(db(), episode.id, 'ODI', 20, daysAgo(56, now));
    await insertCompletedQuestionnaireRow(db(), episode.id, 'ODI', 35, daysAgo(28, now));
    await insertCompletedQuestionnaireRow(db(), episode.id, 'ODI', 44.9, daysAgo(1, now));
    expect(await evaluateQuestionnaireAlerts(db(), episode.id, now)).toEqual([]);
  });

  it('raises for a PSFS fall of 2 and an RMDQ rise of 5, and ignores a single response', async () => {
    const psfs = await createCareTeam(db());
    await insertCompletedQuestionnaireRow(db(), psfs.episode.id, 'PSFS', 6, daysAgo(28, now));
    await insertCompletedQuestionnaireRow(db(), psfs.episode.id, 'PSFS', 4, daysAgo(1, now));
    expect(await evaluateQuestionnaireAlerts(db(), psfs.episode.id, now)).toEqual(['questionnaire-worsening']);
    const rmdq = await createCareTeam(db());
    await insertCompletedQuestionnaireRow(db(), rmdq.episode.id, 'RMDQ', 8, daysAgo(28, now));
    await insertCompletedQuestionnaireRow(db(), rmdq.episode.id, 'RMDQ', 13, daysAgo(1, now));
    expect(await evaluateQuestionnaireAlerts(db(), rmdq.episode.id, now)).toEqual(['questionnaire-worsening']);
    const single = await createCareTeam(db());
    await insertCompletedQuestionnaireRow(db(), single.episode.id, 'ODI', 80, daysAgo(1, now));
    expect(await evaluateQuestionnaireAlerts(db(), single.episode.id, now)).toEqual([]);
  });
});

describe('evaluateTimeBasedAlerts', () => {
  it('raises inactive after 7 days with nothing logged, not after 6', async () => {
    const quiet = await episodeWithPlan();
    await insertPainEntryRow(db(), quiet.episode.id, 4, daysAgo(7, now));
    const recent = await episodeWithPlan();
    await insertPainEntryRow(db(), recent.episode.id, 4, daysAgo(6, now));
    for (const team of [quiet, recent]) await evaluateTimeBasedAlerts(db(), { now, scope: only(team.episode.id) });
    expect(await openReasons(quiet.episode.id)).toContain('inactive');
    expect(await openReasons(recent.episode.id)).not.toContain('inactive');
  });

  it('does not call a new episode inactive in its first week', async () => {
    const fresh = await episodeWithPlan(3);
    await evaluateTimeBasedAlerts(db(), { now, scope: only(fresh.episode.id) });
    expect(await openReasons(fresh.episode.id)).toEqual([]);
  });

  it('raises low adherence below 50 % of prescribed sessions over 14 days (6 of 14), not at 7 of 14', async () => {
    const low = await episodeWithPlan();
    for (let day = 1; day <= 6; day += 1) await insertExerciseLogRow(db(), low.episode.id, low.plan.planItemId, daysAgo(day, now));
    const half = await episodeWithPlan();
    for (let day = 1; day <= 7; day += 1) await insertExerciseLogRow(db(), half.episode.id, half.plan.planItemId, daysAgo(day, now));
    // Skipped sessions are logged but not done: they do not count towards adherence.
    for (let day = 8; day <= 14; day += 1) await insertExerciseLogRow(db(), low.episode.id, low.plan.planItemId, daysAgo(day, now), 'skipped');
    for (const team of [low, half]) await evaluateTimeBasedAlerts(db(), { now, scope: only(team.episode.id) });
    expect(await openReasons(low.episode.id)).toEqual(['low-adherence']);
    expect(await openReasons(half.episode.id)).toEqual([]);
  });

  it('raises an overdue questionnaire for a one-off request 7 days past its due date, cleared by a later answer', async () => {
    const team = await episodeWithPlan();
    for (let day = 1; day <= 14; day += 1) await insertExerciseLogRow(db(), team.episode.id, team.plan.planItemId, daysAgo(day, now));
    await db().insert(questionnaireSchedules).values({ episodeId: team.episode.id, instrument: 'PSFS', enabled: true, dueAt: daysAgo(6, now) });
    await evaluateTimeBasedAlerts(db(), { now, scope: only(team.episode.id) });
    // Due 6 days ago: due, not yet overdue (docs/CLINICAL.md, Figures).
    expect(await openReasons(team.episode.id)).toEqual([]);
    await db().update(questionnaireSchedules).set({ dueAt: daysAgo(7, now) }).where(eq(questionnaireSchedules.episodeId, team.episode.id));
    await evaluateTimeBasedAlerts(db(), { now, scope: only(team.episode.id) });
    expect(await openReasons(team.episode.id)).toEqual(['questionnaire-overdue']);
    const [alert] = await db().select({ detail: alerts.detail }).from(alerts).where(eq(alerts.episodeId, team.episode.id));
    expect(alert!.detail).toEqual({ instruments: ['PSFS'] });
    await insertCompletedQuestionnaireRow(db(), team.episode.id, 'PSFS', 5, daysAgo(1, now));
    const summary = await evaluateTimeBasedAlerts(db(), { now, scope: only(team.episode.id) });
    expect(summary.resolved).toBe(1);
    expect(await openReasons(team.episode.id)).toEqual([]);
  });

  it('resolves a time-based alert when its condition clears but never resolves a red flag', async () => {
    const team = await episodeWithPlan();
    await raiseAlert(db(), { episodeId: team.episode.id, reason: 'red-flag', urgency: 'emergency', message: 'Saddle numbness.' });
    await evaluateTimeBasedAlerts(db(), { now, scope: only(team.episode.id) });
    expect(await openReasons(team.episode.id)).toEqual(['inactive', 'low-adherence', 'red-flag']);
    for (let day = 0; day <= 14; day += 1) await insertExerciseLogRow(db(), team.episode.id, team.plan.planItemId, daysAgo(day, now));
    await evaluateTimeBasedAlerts(db(), { now, scope: only(team.episode.id) });
    expect(await openReasons(team.episode.id)).toEqual(['red-flag']);
  });

  it('skips discharged episodes', async () => {
    const team = await episodeWithPlan();
    await db().execute(sql`update episodes set status = 'discharged', discharged_at = now() where id = ${team.episode.id}`);
    const summary = await evaluateTimeBasedAlerts(db(), { now, scope: only(team.episode.id) });
    expect(summary.episodes).toBe(0);
  });
});
