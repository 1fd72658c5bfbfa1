import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, insertExerciseRow } from './factories';
import { planItems, plans } from './schema';
import { setupTestDatabase } from './testing';

const db = setupTestDatabase();

async function sessionsOf(planId: string) {
  const [row] = await db().select({ n: plans.sessionsPerWeek }).from(plans).where(eq(plans.id, planId));
  return row!.n;
}

describe('plans.sessions_per_week (kept by a trigger on plan_items)', () => {
  it('sums times a day × days a week over the version’s items through inserts, updates and deletes', async () => {
    const { clinic, clinician, episode } = await createCareTeam(db());
    const walk = await insertExerciseRow(db(), clinic.id, 'Walking');
    const bridge = await insertExerciseRow(db(), clinic.id, 'Glute bridge');
    const [one, two] = await db().insert(plans).values([
      { episodeId: episode.id, version: 1, createdBy: clinician.id },
      { episodeId: episode.id, version: 2, createdBy: clinician.id },
    ]).returning({ id: plans.id });
    expect(await sessionsOf(one!.id)).toBe(0);

    // One statement with items of both versions: each version gets its own sum.
    const items = await db().insert(planItems).values([
      { planId: one!.id, exerciseId: walk.id, position: 0, timesPerDay: 1, daysPerWeek: 5 },
      { planId: one!.id, exerciseId: bridge.id, position: 1, timesPerDay: 2, daysPerWeek: 3 },
      { planId: two!.id, exerciseId: walk.id, position: 0, timesPerDay: 1, daysPerWeek: 7 },
    ]).returning({ id: planItems.id });
    expect([await sessionsOf(one!.id), await sessionsOf(two!.id)]).toEqual([11, 7]);

    await db().update(planItems).set({ daysPerWeek: 2 }).where(eq(planItems.id, items[1]!.id));
    expect(await sessionsOf(one!.id)).toBe(9);
    await db().delete(planItems).where(eq(planItems.id, items[0]!.id));
    expect([await sessionsOf(one!.id), await sessionsOf(two!.id)]).toEqual([4, 7]);
    await db().delete(planItems).where(eq(planItems.planId, one!.id));
    expect(await sessionsOf(one!.id)).toBe(0);
  });
});
