/**
 * The end of the retention period: a closed patient's record is deleted once its retain-until time
 * has passed (docs/SECURITY.md, "Retention and erasure"). Run by the scheduled evaluation
 * (scripts/evaluate-alerts.ts) with its own database handle; it performs no authorization, since no
 * person asks for it: the clinic's retention setting and the manager's closure decided it earlier.
 *
 * The audit trail is append-only and hash-chained, so its rows stay: they hold ids and action codes,
 * never health data, and the purge adds one row saying that the record of that patient id was purged,
 * when, and how many rows of each kind went, without any of their content.
 */
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/connection';
import {
  accountClosures,
  alerts,
  appointments,
  episodes,
  exerciseLogs,
  goals,
  measurements,
  messages,
  messageThreads,
  notes,
  painEntries,
  planItems,
  plans,
  questionnaireResponses,
  questionnaireSchedules,
  redFlagScreens,
  users,
} from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';

export type PurgeSummary = { purged: number; failed: number };

/** Patients purged per run at most, so one run stays short; the next run takes the rest. */
export const PURGE_BATCH = 200;

/**
 * Purges every closed account whose retention ended at or before `now`, one transaction per patient
 * (a failure leaves that record whole and is retried on the next run).
 */
export async function purgeExpiredRecords(db: Db, now = new Date()): Promise<PurgeSummary> {
  const due = await db
    .select({ userId: accountClosures.userId })
    .from(accountClosures)
    .where(lte(accountClosures.retainUntil, now))
    .orderBy(accountClosures.retainUntil)
    .limit(PURGE_BATCH);
  let purged = 0;
  let failed = 0;
  for (const { userId } of due) {
    try {
      if (await db.transaction((tx) => purgeOne(tx, userId, now))) purged += 1;
    } catch {
      // The record stays whole (the transaction rolled back) and the next run tries again; the
      // failure itself is recorded without any content.
      failed += 1;
      await recordAudit(db, { action: 'retention.purge', outcome: 'failure', actorRole: 'system', patientId: userId, resourceType: 'user', resourceId: userId });
    }
  }
  return { purged, failed };
}

async function purgeOne(tx: Tx, userId: string, now: Date): Promise<boolean> {
  // Locked and re-checked inside the transaction: two runs at once purge each record once.
  const [closure] = await tx
    .select({ clinicId: accountClosures.clinicId, closedAt: accountClosures.closedAt, retainUntil: accountClosures.retainUntil })
    .from(accountClosures)
    .where(and(eq(accountClosures.userId, userId), lte(accountClosures.retainUntil, now)))
    .for('update', { skipLocked: true });
  if (!closure) return false;
  const episodeIds = (await tx.select({ id: episodes.id }).from(episodes).where(eq(episodes.patientId, userId))).map((row) => row.id);
  const counts: Record<string, number> = { episodes: episodeIds.length };
  if (episodeIds.length > 0) {
    // Children before parents: health data references episodes (and logs reference plan items) with
    // ON DELETE RESTRICT, so a table missing from this list makes the purge fail rather than skip it.
    const threadIds = (await tx.select({ id: messageThreads.id }).from(messageThreads).where(inArray(messageThreads.episodeId, episodeIds))).map((row) => row.id);
    counts.messages = threadIds.length === 0 ? 0 : (await tx.delete(messages).where(inArray(messages.threadId, threadIds)).returning({ id: messages.id })).length;
    await tx.delete(messageThreads).where(inArray(messageThreads.episodeId, episodeIds));
    counts.alerts = (await tx.delete(alerts).where(inArray(alerts.episodeId, episodeIds)).returning({ id: alerts.id })).length;
    counts.notes = (await tx.delete(notes).where(inArray(notes.episodeId, episodeIds)).returning({ id: notes.id })).length;
    counts.goals = (await tx.delete(goals).where(inArray(goals.episodeId, episodeIds)).returning({ id: goals.id })).length;
    counts.measurements = (await tx.delete(measurements).where(inArray(measurements.episodeId, episodeIds)).returning({ id: measurements.id })).length;
    await tx.delete(questionnaireSchedules).where(inArray(questionnaireSchedules.episodeId, episodeIds));
    counts.questionnaireResponses = (await tx.delete(questionnaireResponses).where(inArray(questionnaireResponses.episodeId, episodeIds)).returning({ id: questionnaireResponses.id })).length;
    counts.redFlagScreens = (await tx.delete(redFlagScreens).where(inArray(redFlagScreens.episodeId, episodeIds)).returning({ id: redFlagScreens.id })).length;
    counts.painEntries = (await tx.delete(painEntries).where(inArray(painEntries.episodeId, episodeIds)).returning({ id: painEntries.id })).length;
    counts.exerciseLogs = (await tx.delete(exerciseLogs).where(inArray(exerciseLogs.episodeId, episodeIds)).returning({ id: exerciseLogs.id })).length;
    const planIds = (await tx.select({ id: plans.id }).from(plans).where(inArray(plans.episodeId, episodeIds))).map((row) => row.id);
    if (planIds.length > 0) await tx.delete(planItems).where(inArray(planItems.planId, planIds));
    counts.plans = planIds.length;
    await tx.delete(plans).where(inArray(plans.episodeId, episodeIds));
    counts.appointments = (await tx.delete(appointments).where(inArray(appointments.episodeId, episodeIds)).returning({ id: appointments.id })).length;
    await tx.delete(episodes).where(inArray(episodes.id, episodeIds));
  }
  // The account itself: name, email, date of birth; its closure, links and MFA codes go with it.
  const gone = await tx
    .delete(users)
    .where(and(eq(users.id, userId), eq(users.role, 'patient'), sql`not ${users.active}`))
    .returning({ id: users.id });
  if (gone.length === 0) throw new Error('retention purge: the closed account is not an inactive patient');
  await recordAudit(tx, {
    action: 'retention.purge',
    outcome: 'success',
    actorRole: 'system',
    clinicId: closure.clinicId,
    patientId: userId,
    resourceType: 'user',
    resourceId: userId,
    detail: { closedAt: closure.closedAt.toISOString(), retainUntil: closure.retainUntil.toISOString(), rows: counts },
  });
  return true;
}
