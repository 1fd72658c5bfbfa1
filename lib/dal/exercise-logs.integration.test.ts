import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createUser, insertStarterPlan, signInAs } from '@/db/factories';
import { auditEvents, exerciseLogs } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { localDay, MS_PER_DAY } from '@/lib/time';
import type { ExerciseLogInput } from '@/lib/validation/exercise-log';
import { createExerciseLog, getPlanItemDetail, undoExerciseLog } from './exercise-logs';
import { getToday } from './today';

const db = setupTestDatabase();

async function teamWithPlan() {
  const team = await createCareTeam(db());
  const plan = await insertStarterPlan(db(), { clinicId: team.clinic.id, episodeId: team.episode.id, clinicianId: team.clinician.id });
  return { ...team, plan };
}

const done = (planItemId: string, overrides: Partial<ExerciseLogInput> = {}): ExerciseLogInput => ({
  submissionId: randomUUID(),
  planItemId,
  status: 'done',
  setsDone: 2,
  difficulty: 4,
  painDuring: 3,
  skipReason: null,
  ...overrides,
});

describe('plan items', () => {
  it('shows the patient the items of their newest plan version only', async () => {
    const team = await teamWithPlan();
    const newer = await insertStarterPlan(db(), { clinicId: team.clinic.id, episodeId: team.episode.id, clinicianId: team.clinician.id, slugs: ['bird-dog'], version: 2 });
    await signInAs(db(), team.patient.id);
    const { items } = await getToday();
    expect(items.map((item) => item.planItemId)).toEqual([newer.items[0]!.id]);
    expect(items[0]!.name).toBe('Bird dog');
    expect(await getPlanItemDetail(team.plan.items[0]!.id)).toBeNull();
  });

  it('refuses another patient’s plan item by id', async () => {
    const team = await teamWithPlan();
    const other = await createUser(db(), team.clinic.id, 'patient');
    await createEpisode(db(), { clinicId: team.clinic.id, patientId: other.id, clinicianId: team.clinician.id });
    await signInAs(db(), other.id);
    expect(await getPlanItemDetail(team.plan.items[0]!.id)).toBeNull();
    expect(await createExerciseLog(done(team.plan.items[0]!.id))).toBe('not-found');
    expect(await db().select().from(exerciseLogs).where(eq(exerciseLogs.episodeId, team.episode.id))).toHaveLength(0);
  });

  it('refuses clinicians', async () => {
    const team = await teamWithPlan();
    await signInAs(db(), team.clinician.id);
    expect(isAppError(await createExerciseLog(done(team.plan.items[0]!.id)).catch((error: unknown) => error), 'forbidden')).toBe(true);
  });
});

describe('createExerciseLog and undoExerciseLog', () => {
  it('logs done and skipped sessions once each, counted on Today', async () => {
    const team = await teamWithPlan();
    await signInAs(db(), team.patient.id);
    const [first, second, third] = team.plan.items;
    const input = done(first!.id);
    expect(await Promise.all([createExerciseLog(input), createExerciseLog(input)])).toEqual(expect.arrayContaining(['created', 'duplicate']));
    expect(await createExerciseLog(done(second!.id, { status: 'partial', setsDone: 1, skipReason: 'pain' }))).toBe('created');
    expect(await createExerciseLog(done(third!.id, { status: 'skipped', setsDone: null, difficulty: null, painDuring: null, skipReason: 'no-time' }))).toBe('created');
    const today = await getToday();
    const byId = new Map(today.items.map((item) => [item.planItemId, item]));
    expect(byId.get(first!.id)).toMatchObject({ doneToday: 1, skippedToday: 0 });
    expect(byId.get(second!.id)).toMatchObject({ doneToday: 1 });
    expect(byId.get(third!.id)).toMatchObject({ doneToday: 0, skippedToday: 1 });
    expect(today.adherence.logged).toBeGreaterThanOrEqual(1);
    const audits = await db().select().from(auditEvents).where(eq(auditEvents.action, 'exercise-log.create'));
    expect(audits.filter((row) => row.patientId === team.patient.id)).toHaveLength(3);
  });

  it('undoes a log made today, but not one from an earlier day', async () => {
    const team = await teamWithPlan();
    await signInAs(db(), team.patient.id);
    await createExerciseLog(done(team.plan.items[0]!.id));
    const [todayLog] = await db().select().from(exerciseLogs).where(eq(exerciseLogs.episodeId, team.episode.id));
    const yesterday = new Date(Date.now() - MS_PER_DAY * 1.5);
    const [oldLog] = await db()
      .insert(exerciseLogs)
      .values({
        episodeId: team.episode.id,
        planItemId: team.plan.items[0]!.id,
        status: 'done',
        loggedAt: yesterday,
        localDay: localDay(yesterday, 'Europe/London'),
        submissionId: randomUUID(),
      })
      .returning();
    expect(await undoExerciseLog(todayLog!.id)).toBe('undone');
    expect(await undoExerciseLog(todayLog!.id)).toBe('not-found');
    expect(await undoExerciseLog(oldLog!.id)).toBe('too-late');
    expect(await db().select().from(exerciseLogs).where(eq(exerciseLogs.episodeId, team.episode.id))).toHaveLength(1);
  });

  it('refuses undoing another patient’s log', async () => {
    const team = await teamWithPlan();
    await signInAs(db(), team.patient.id);
    await createExerciseLog(done(team.plan.items[0]!.id));
    const [log] = await db().select().from(exerciseLogs).where(eq(exerciseLogs.episodeId, team.episode.id));
    const other = await createUser(db(), team.clinic.id, 'patient');
    await createEpisode(db(), { clinicId: team.clinic.id, patientId: other.id, clinicianId: team.clinician.id });
    await signInAs(db(), other.id);
    expect(await undoExerciseLog(log!.id)).toBe('not-found');
    expect(await db().select().from(exerciseLogs).where(eq(exerciseLogs.id, log!.id))).toHaveLength(1);
  });
});
