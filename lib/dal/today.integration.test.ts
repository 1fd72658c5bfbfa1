import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createUser, insertStarterPlan, NO_RED_FLAGS, signInAs } from '@/db/factories';
import { episodes } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { createExerciseLog } from './exercise-logs';
import { createPainEntry } from './pain';
import { getToday } from './today';

const db = setupTestDatabase();

describe('getToday', () => {
  it('shows the plan, today’s progress, this week’s adherence, latest pain and the next questionnaire', async () => {
    const team = await createCareTeam(db());
    // Started today, so only today counts towards this week's sessions.
    await db().update(episodes).set({ startedAt: new Date() }).where(eq(episodes.id, team.episode.id));
    const plan = await insertStarterPlan(db(), { clinicId: team.clinic.id, episodeId: team.episode.id, clinicianId: team.clinician.id, slugs: ['pelvic-tilt', 'cat-camel'] });
    await signInAs(db(), team.patient.id);
    const before = await getToday();
    expect(before.items.map((item) => item.planItemId)).toEqual(plan.items.map((item) => item.id));
    expect(before.items[0]).toMatchObject({ name: 'Pelvic tilt', doneToday: 0 });
    expect(before.adherence).toEqual({ logged: 0, prescribed: 2, fraction: 0 });
    expect(before.nextQuestionnaire).toMatchObject({ instrument: 'ODI', due: { reason: 'baseline', isDue: true } });
    expect(before.latestPain).toBeNull();

    await createExerciseLog({ submissionId: randomUUID(), planItemId: plan.items[0]!.id, status: 'done', setsDone: null, difficulty: 3, painDuring: 2, skipReason: null });
    await createExerciseLog({ submissionId: randomUUID(), planItemId: plan.items[1]!.id, status: 'skipped', setsDone: null, difficulty: null, painDuring: null, skipReason: 'pain' });
    await createPainEntry({ submissionId: randomUUID(), score: 4, worst24h: null, locations: [], belowKnee: false, note: null, redFlags: { ...NO_RED_FLAGS } });
    const after = await getToday();
    expect(after.adherence).toEqual({ logged: 1, prescribed: 2, fraction: 0.5 });
    expect(after.items.map((item) => [item.doneToday, item.skippedToday])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(after.latestPain?.score).toBe(4);
    expect(after.loggedPainToday).toBe(true);
    expect(after.recentEmergency).toBe(false);
  });

  it('keeps emergency advice on Today after an emergency answer', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    await createPainEntry({ submissionId: randomUUID(), score: 6, worst24h: null, locations: [], belowKnee: true, note: null, redFlags: { ...NO_RED_FLAGS, 'saddle-numbness': true } });
    expect((await getToday()).recentEmergency).toBe(true);
  });

  it('shows a patient without care an empty day, and refuses other roles', async () => {
    const team = await createCareTeam(db());
    const loner = await createUser(db(), team.clinic.id, 'patient');
    await signInAs(db(), loner.id);
    expect(await getToday()).toMatchObject({ items: [], clinicianName: null, episodeActive: false, nextQuestionnaire: null });
    await signInAs(db(), team.manager.id);
    expect(isAppError(await getToday().catch((error: unknown) => error), 'forbidden')).toBe(true);
  });
});
