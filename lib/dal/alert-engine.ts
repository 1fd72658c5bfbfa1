/**
 * Raises alerts from the rules in lib/clinical/alerts.ts. Used inside the transaction of the write
 * that triggers a rule (a pain entry, a red-flag answer) and by the scheduled evaluation.
 * No `server-only` marker: scripts (seed, scheduled evaluation) call it with their own executor.
 * It performs no authorization: callers are DAL functions that already checked the viewer.
 */
import { and, eq, gte } from 'drizzle-orm';
import type { Db, Tx } from '@/db/connection';
import { alerts, episodes, painEntries, users } from '@/db/schema';
import { dailyMaxPain, isSeverePain, isWorsening, type AlertReason } from '@/lib/clinical/alerts';
import { addDays, localDay } from '@/lib/time';

export type AlertUrgency = 'emergency' | 'same-day' | '24h' | 'routine';

export type RaiseAlertInput = {
  episodeId: string;
  reason: AlertReason;
  urgency: AlertUrgency;
  message: string;
  detail?: Record<string, unknown>;
  raisedAt?: Date;
};

/**
 * Inserts an alert unless one is already open for the same episode and reason (the partial unique
 * index alerts_open_unique). Returns true when a new alert was raised.
 */
export async function raiseAlert(executor: Db | Tx, input: RaiseAlertInput): Promise<boolean> {
  const inserted = await executor
    .insert(alerts)
    .values({
      episodeId: input.episodeId,
      reason: input.reason,
      urgency: input.urgency,
      message: input.message,
      detail: input.detail ?? {},
      raisedAt: input.raisedAt ?? new Date(),
    })
    .onConflictDoNothing()
    .returning({ id: alerts.id });
  return inserted.length > 0;
}

/** Worsening and severe-pain rules over the episode's recent daily pain. Returns the reasons raised. */
export async function evaluatePainAlerts(executor: Db | Tx, episodeId: string, now = new Date()): Promise<AlertReason[]> {
  const [episode] = await executor
    .select({ intakeNprs: episodes.intakeNprs, timeZone: users.timeZone, status: episodes.status })
    .from(episodes)
    .innerJoin(users, eq(users.id, episodes.patientId))
    .where(eq(episodes.id, episodeId))
    .limit(1);
  if (!episode || episode.status !== 'active') return [];
  const timeZone = episode.timeZone ?? 'Europe/London';
  const today = localDay(now, timeZone);
  // 3-day run + 7-day baseline window, plus a day of slack for time-zone edges.
  const since = new Date(`${addDays(today, -11)}T00:00:00Z`);
  const entries = await executor
    .select({ recordedAt: painEntries.recordedAt, score: painEntries.score })
    .from(painEntries)
    .where(and(eq(painEntries.episodeId, episodeId), gte(painEntries.recordedAt, since)));
  const days = dailyMaxPain(entries, timeZone);
  const raised: AlertReason[] = [];

  const worsening = isWorsening(days, today, episode.intakeNprs);
  if (worsening.worsening) {
    const isNew = await raiseAlert(executor, {
      episodeId,
      reason: 'worsening',
      urgency: 'same-day',
      message: `Pain has been at least 2 points above the usual level (${worsening.baseline}) for 3 days in a row.`,
      detail: { baseline: worsening.baseline, lastThree: worsening.lastThree, today },
      raisedAt: now,
    });
    if (isNew) raised.push('worsening');
  }
  if (isSeverePain(days, today)) {
    const lastTwo = days.slice(-2).map((day) => day.score);
    const isNew = await raiseAlert(executor, {
      episodeId,
      reason: 'severe-pain',
      urgency: 'same-day',
      message: 'Pain of 8 or more out of 10 on 2 days in a row.',
      detail: { lastTwo, today },
      raisedAt: now,
    });
    if (isNew) raised.push('severe-pain');
  }
  return raised;
}
