import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, insertPainEntryRow, insertStarterPlan } from './factories';
import { episodeSummaries, exerciseLogs, painEntries, questionnaireResponses } from './schema';
import { setupTestDatabase } from './testing';

const db = setupTestDatabase();
const day = (n: number) => new Date(Date.UTC(2026, 9, 1 + n, 9));

async function summaryOf(episodeId: string) {
  const [row] = await db().select().from(episodeSummaries).where(eq(episodeSummaries.episodeId, episodeId));
  return row;
}

type Instrument = (typeof questionnaireResponses.$inferInsert)['instrument'];

async function answer(episodeId: string, instrument: Instrument, score: number, completedAt: Date, band = 'moderate') {
  await db().insert(questionnaireResponses).values({ episodeId, instrument, status: 'completed', answers: {}, score, band, startedAt: completedAt, completedAt, submissionId: randomUUID() });
}
const answerOdi = (episodeId: string, score: number, completedAt: Date) => answer(episodeId, 'ODI', score, completedAt);

describe('episode_summaries (maintained by triggers)', () => {
  it('keeps baseline, latest and count of pain whatever order entries arrive in', async () => {
    const { episode } = await createCareTeam(db());
    await insertPainEntryRow(db(), episode.id, 6, day(5));
    await insertPainEntryRow(db(), episode.id, 8, day(1));
    const late = await insertPainEntryRow(db(), episode.id, 3, day(9));
    expect(await summaryOf(episode.id)).toMatchObject({ painEntries: 3, firstPain: 8, firstPainAt: day(1), lastPain: 3, lastPainAt: day(9) });

    await db().update(painEntries).set({ score: 2 }).where(eq(painEntries.id, late.id));
    expect(await summaryOf(episode.id)).toMatchObject({ painEntries: 3, lastPain: 2 });
    await db().delete(painEntries).where(eq(painEntries.id, late.id));
    expect(await summaryOf(episode.id)).toMatchObject({ painEntries: 2, lastPain: 6, lastPainAt: day(5) });
  });

  it('tracks the first and latest ODI and leaves other episodes alone', async () => {
    const one = await createCareTeam(db());
    const other = await createCareTeam(db());
    await answerOdi(one.episode.id, 44, day(0));
    await answerOdi(one.episode.id, 22.5, day(28));
    await insertPainEntryRow(db(), other.episode.id, 5, day(2));
    expect(await summaryOf(one.episode.id)).toMatchObject({ odiResponses: 2, firstOdi: 44, lastOdi: 22.5, lastOdiAt: day(28), painEntries: 0 });
    expect(await summaryOf(other.episode.id)).toMatchObject({ odiResponses: 0, firstOdi: null, painEntries: 1, firstPain: 5 });
  });

  it('refreshes every episode a bulk insert touches, once per statement', async () => {
    const teams = await Promise.all([createCareTeam(db()), createCareTeam(db())]);
    await db().insert(painEntries).values(
      teams.flatMap(({ episode }, index) =>
        [4, 5, 6].map((score, n) => ({ episodeId: episode.id, score: score + index, recordedAt: day(n), localDay: day(n).toISOString().slice(0, 10), submissionId: randomUUID() })),
      ),
    );
    expect(await summaryOf(teams[0]!.episode.id)).toMatchObject({ painEntries: 3, firstPain: 4, lastPain: 6 });
    expect(await summaryOf(teams[1]!.episode.id)).toMatchObject({ painEntries: 3, firstPain: 5, lastPain: 7 });
  });

  it('each source refreshes its own figures, and the row always equals a full recount', async () => {
    const team = await createCareTeam(db());
    const episodeId = team.episode.id;
    const plan = await insertStarterPlan(db(), { clinicId: team.clinic.id, episodeId, clinicianId: team.clinician.id, slugs: ['pelvic-tilt'] });
    const log = (status: 'done' | 'skipped', at: Date) =>
      db().insert(exerciseLogs).values({ episodeId, planItemId: plan.items[0]!.id, status, skipReason: status === 'skipped' ? 'pain' : null, loggedAt: at, localDay: at.toISOString().slice(0, 10), submissionId: randomUUID() }).returning();
    // The first write of the episode is an exercise log: the row must be created whole.
    const [first] = await log('done', day(1));
    expect(await summaryOf(episodeId)).toMatchObject({ exerciseSessions: 1, lastExerciseAt: day(1), painEntries: 0, odiResponses: 0 });
    await log('skipped', day(2));
    await insertPainEntryRow(db(), episodeId, 7, day(2));
    const pain = await insertPainEntryRow(db(), episodeId, 5, day(3));
    await answerOdi(episodeId, 40, day(3));
    expect(await summaryOf(episodeId)).toMatchObject({ exerciseSessions: 1, lastExerciseAt: day(2), painEntries: 2, firstPain: 7, lastPain: 5, odiResponses: 1, firstOdi: 40 });
    await db().update(painEntries).set({ score: 4 }).where(eq(painEntries.id, pain.id));
    await db().delete(exerciseLogs).where(eq(exerciseLogs.id, first!.id));
    await answerOdi(episodeId, 30, day(20));
    await answer(episodeId, 'STARTBACK', 6, day(4), 'high');
    await answer(episodeId, 'STARTBACK', 2, day(18), 'low');
    await answer(episodeId, 'PSFS', 5, day(6));
    await log('done', day(21));
    await log('done', day(21));

    const maintained = await summaryOf(episodeId);
    expect(maintained).toMatchObject({
      exerciseSessions: 2,
      lastExerciseAt: day(21),
      painEntries: 2,
      lastPain: 4,
      odiResponses: 2,
      firstOdi: 40,
      lastOdi: 30,
      startbackRisk: 'high',
      lastStartbackRisk: 'low',
      lastOdiCompletedAt: day(20),
      lastStartbackCompletedAt: day(18),
      lastPsfsCompletedAt: day(6),
      lastRmdqCompletedAt: null,
      lastSessionDay: '2026-10-22',
      sessionTotals: Array(28).fill(2),
    });
    await db().execute(sql`select episode_summaries_refresh(array[${episodeId}::uuid])`);
    const recounted = await summaryOf(episodeId);
    expect({ ...maintained, updatedAt: null }).toEqual({ ...recounted, updatedAt: null });
  });

  it('keeps running totals of sessions back from the newest session day, without skipped logs', async () => {
    const team = await createCareTeam(db());
    const episodeId = team.episode.id;
    const plan = await insertStarterPlan(db(), { clinicId: team.clinic.id, episodeId, clinicianId: team.clinician.id, slugs: ['pelvic-tilt'] });
    const at = (n: number) => new Date(Date.UTC(2026, 8, 1 + n, 9));
    const row = (status: 'done' | 'partial' | 'skipped', n: number) => ({
      episodeId,
      planItemId: plan.items[0]!.id,
      status,
      skipReason: status === 'skipped' ? ('pain' as const) : null,
      loggedAt: at(n),
      localDay: at(n).toISOString().slice(0, 10),
      submissionId: randomUUID(),
    });
    // totals[j] = sessions on the j days ending with the newest session day.
    const totals = (sessionsByDaysBack: Record<number, number>) => {
      let sum = 0;
      return Array.from({ length: 28 }, (_, j) => (sum += sessionsByDaysBack[j] ?? 0));
    };
    // Day 28 is the newest; day 1 is 27 days before it (the oldest kept) and day 0 falls out.
    await db().insert(exerciseLogs).values([row('done', 0), row('done', 1), row('partial', 1), row('skipped', 2), row('done', 26), row('done', 28), row('skipped', 28)]);
    expect(await summaryOf(episodeId)).toMatchObject({ lastSessionDay: '2026-09-29', sessionTotals: totals({ 0: 1, 2: 1, 27: 2 }), exerciseSessions: 5 });

    const [skip] = await db().insert(exerciseLogs).values(row('skipped', 40)).returning();
    expect(await summaryOf(episodeId)).toMatchObject({ lastSessionDay: '2026-09-29' });
    await db().update(exerciseLogs).set({ status: 'done', skipReason: null }).where(eq(exerciseLogs.id, skip!.id));
    expect(await summaryOf(episodeId)).toMatchObject({ lastSessionDay: '2026-10-11', sessionTotals: totals({ 0: 1, 12: 1, 14: 1 }) });
    await db().delete(exerciseLogs).where(eq(exerciseLogs.episodeId, episodeId));
    expect(await summaryOf(episodeId)).toMatchObject({ lastSessionDay: null, sessionTotals: [], exerciseSessions: 0 });
  });
});
