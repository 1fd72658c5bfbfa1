import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, insertPainEntryRow } from '@/db/factories';
import { alerts } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { zonedTimeToUtc, addDays, localDay } from '@/lib/time';
import { evaluatePainAlerts, raiseAlert } from './alert-engine';

const db = setupTestDatabase();
const now = new Date('2026-11-20T18:00:00Z');
const today = localDay(now, 'Europe/London');

async function logDays(episodeId: string, scores: number[]) {
  // The last score is today; earlier ones go back one day each.
  for (const [index, score] of scores.entries()) {
    const day = addDays(today, index - (scores.length - 1));
    await insertPainEntryRow(db(), episodeId, score, zonedTimeToUtc(day, 9, 0, 'Europe/London'));
  }
}

describe('evaluatePainAlerts', () => {
  it('raises one worsening alert for the docs/CLINICAL.md example and does not duplicate it', async () => {
    const { episode } = await createCareTeam(db());
    await logDays(episode.id, [4, 4, 5, 4, 4, 5, 4, 6, 6, 7]);
    expect(await evaluatePainAlerts(db(), episode.id, now)).toEqual(['worsening']);
    expect(await evaluatePainAlerts(db(), episode.id, now)).toEqual([]);
    const open = await db()
      .select({ reason: alerts.reason, detail: alerts.detail })
      .from(alerts)
      .where(and(eq(alerts.episodeId, episode.id), isNull(alerts.acknowledgedAt)));
    expect(open).toHaveLength(1);
    expect(open[0]!.detail).toMatchObject({ baseline: 4, lastThree: [6, 6, 7] });
  });

  it('raises nothing when one of the last three days is not high enough', async () => {
    const { episode } = await createCareTeam(db());
    await logDays(episode.id, [4, 4, 5, 4, 4, 5, 4, 6, 5, 7]);
    expect(await evaluatePainAlerts(db(), episode.id, now)).toEqual([]);
  });

  it('takes each day at its highest entry', async () => {
    const { episode } = await createCareTeam(db());
    await logDays(episode.id, [4, 4, 5, 4, 4, 5, 4, 6, 6, 7]);
    // A later, lower entry on each of the last three days changes nothing.
    for (const back of [0, 1, 2]) await insertPainEntryRow(db(), episode.id, 2, zonedTimeToUtc(addDays(today, -back), 17, 0, 'Europe/London'));
    expect(await evaluatePainAlerts(db(), episode.id, now)).toEqual(['worsening']);
    const [open] = await db().select({ detail: alerts.detail }).from(alerts).where(eq(alerts.episodeId, episode.id));
    expect(open!.detail).toMatchObject({ baseline: 4, lastThree: [6, 6, 7] });
  });

  it('raises severe pain for 8 or more on two consecutive days', async () => {
    const { episode } = await createCareTeam(db());
    await logDays(episode.id, [8, 9]);
    expect(await evaluatePainAlerts(db(), episode.id, now)).toContain('severe-pain');
  });

  it('allows a new alert once the previous one for the same reason was acknowledged', async () => {
    const { episode, clinician } = await createCareTeam(db());
    const input = { episodeId: episode.id, reason: 'inactive' as const, urgency: 'routine' as const, message: 'Nothing logged for 7 days.' };
    expect(await raiseAlert(db(), input)).toBe(true);
    expect(await raiseAlert(db(), input)).toBe(false);
    await db().update(alerts).set({ acknowledgedAt: new Date(), acknowledgedBy: clinician.id }).where(eq(alerts.episodeId, episode.id));
    expect(await raiseAlert(db(), input)).toBe(true);
  });
});
