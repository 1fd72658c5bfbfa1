import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createClinic, createUser, insertExerciseRow, signInAs } from '@/db/factories';
import { exercises, plans } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { createLibraryExercise, listExerciseLibrary } from './exercise-library';
import { getPlan, savePlanVersion } from './plans';
import type { PlanItemInput } from '@/lib/validation/plans';

const db = setupTestDatabase();

const item = (exerciseId: string, reps = 10): PlanItemInput => ({
  exerciseId,
  sets: 2,
  reps,
  holdSeconds: null,
  durationMinutes: null,
  timesPerDay: 1,
  daysPerWeek: 5,
  perSide: false,
  instructionsNote: null,
});

async function teamWithExercises() {
  const team = await createCareTeam(db());
  const bridge = await insertExerciseRow(db(), team.clinic.id, 'Bridge');
  const walk = await insertExerciseRow(db(), team.clinic.id, 'Walk');
  return { ...team, bridge, walk };
}

describe('savePlanVersion and getPlan', () => {
  it('saves versions in order and keeps old ones viewable', async () => {
    const { clinician, episode, bridge, walk } = await teamWithExercises();
    await signInAs(db(), clinician.id);
    expect(await savePlanVersion(episode.id, { submissionId: randomUUID(), baseVersion: 0, note: 'First', items: [item(bridge.id)] })).toEqual({ status: 'saved', version: 1 });
    expect(await savePlanVersion(episode.id, { submissionId: randomUUID(), baseVersion: 1, note: '', items: [item(walk.id), item(bridge.id, 12)] })).toEqual({ status: 'saved', version: 2 });
    const current = await getPlan(episode.id);
    expect(current).toMatchObject({ currentVersion: 2, shownVersion: 2 });
    expect(current!.items.map((entry) => [entry.exerciseName, entry.reps])).toEqual([['Walk', 10], ['Bridge', 12]]);
    expect(current!.versions.map((version) => [version.version, version.itemCount])).toEqual([[2, 2], [1, 1]]);
    const old = await getPlan(episode.id, 1);
    expect(old!.items.map((entry) => entry.exerciseName)).toEqual(['Bridge']);
    expect(old!.note).toBe('First');
  });

  it('refuses the second of two concurrent saves from the same base: conflict, nothing overwritten', async () => {
    const { clinician, episode, bridge, walk } = await teamWithExercises();
    await signInAs(db(), clinician.id);
    await savePlanVersion(episode.id, { submissionId: randomUUID(), baseVersion: 0, note: '', items: [item(bridge.id)] });
    const results = await Promise.all([
      savePlanVersion(episode.id, { submissionId: randomUUID(), baseVersion: 1, note: 'Mine', items: [item(walk.id)] }),
      savePlanVersion(episode.id, { submissionId: randomUUID(), baseVersion: 1, note: 'Theirs', items: [item(bridge.id, 15)] }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['conflict', 'saved']);
    const rows = await db().select({ version: plans.version, note: plans.note }).from(plans).where(eq(plans.episodeId, episode.id));
    expect(rows).toHaveLength(2);
    const winner = results[0]!.status === 'saved' ? 'Mine' : 'Theirs';
    expect(rows.find((row) => row.version === 2)!.note).toBe(winner);
    // A save from a stale base after that is also a conflict.
    expect(await savePlanVersion(episode.id, { submissionId: randomUUID(), baseVersion: 1, note: 'Late', items: [item(walk.id)] })).toEqual({ status: 'conflict' });
  });

  it('refuses an exercise from another clinic, another clinician, a discharged episode and other roles', async () => {
    const { clinic, clinician, episode, bridge, patient } = await teamWithExercises();
    const otherClinic = await createClinic(db());
    const foreign = await insertExerciseRow(db(), otherClinic.id, 'Foreign');
    await signInAs(db(), clinician.id);
    expect(await savePlanVersion(episode.id, { submissionId: randomUUID(), baseVersion: 0, note: '', items: [item(foreign.id)] })).toEqual({ status: 'unknown-exercise' });

    const other = await createUser(db(), clinic.id, 'clinician');
    await signInAs(db(), other.id);
    expect(await savePlanVersion(episode.id, { submissionId: randomUUID(), baseVersion: 0, note: '', items: [item(bridge.id)] })).toEqual({ status: 'not-found' });
    expect(await getPlan(episode.id)).toBeNull();

    await signInAs(db(), patient.id);
    await expect(savePlanVersion(episode.id, { submissionId: randomUUID(), baseVersion: 0, note: '', items: [item(bridge.id)] })).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
    expect(await db().select().from(plans).where(eq(plans.episodeId, episode.id))).toEqual([]);
  });
});

describe('exercise library', () => {
  it('lists the clinic library with search and category, and adds a clinician’s own exercise for the clinic only', async () => {
    const { clinic, clinician } = await teamWithExercises();
    await signInAs(db(), clinician.id);
    const { id } = await createLibraryExercise({ submissionId: randomUUID(),
      name: 'Wall slide',
      category: 'mobility',
      summary: 'Slide down a wall.',
      instructions: ['Stand with your back to a wall.', 'Slide down a little.'],
      safetyNote: 'Stop if pain spreads.',
      defaultDosage: { sets: 2, reps: 8, holdSeconds: null, durationMinutes: null, timesPerDay: 1, daysPerWeek: 5, perSide: false },
    });
    const found = await listExerciseLibrary({ search: 'wall' });
    expect(found.map((exercise) => [exercise.name, exercise.custom])).toEqual([['Wall slide', true]]);
    expect((await listExerciseLibrary({ category: 'strengthening' })).map((exercise) => exercise.name)).not.toContain('Wall slide');
    const [row] = await db().select({ clinicId: exercises.clinicId, createdBy: exercises.createdBy }).from(exercises).where(eq(exercises.id, id));
    expect(row).toEqual({ clinicId: clinic.id, createdBy: clinician.id });

    const elsewhere = await createUser(db(), (await createClinic(db())).id, 'clinician');
    await signInAs(db(), elsewhere.id);
    expect(await listExerciseLibrary({ search: 'wall' })).toEqual([]);
  });
});
