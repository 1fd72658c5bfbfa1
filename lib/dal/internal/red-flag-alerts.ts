/**
 * Red-flag alerts (docs/CLINICAL.md, Red flags): raised in the transaction that stores the patient's answers.
 * No `server-only` marker and no authorization, like alert-engine.ts: callers are DAL functions that already
 * checked the viewer, and the seed raises its demo alert through here.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '@/db/connection';
import { alerts, redFlagScreens } from '@/db/schema';
import { describeAnswers, RED_FLAG_GROUPS, RED_FLAG_QUESTIONS, type RedFlagEvaluation, type RedFlagUrgency } from '@/lib/clinical/red-flags';
import { notifyUrgentAlert } from '@/lib/notifications/staff';
import { raiseAlert } from './alert-engine';

export const RED_FLAG_ALERT_MESSAGES: Readonly<Record<RedFlagUrgency, string>> = {
  emergency: 'The patient answered yes to an emergency (cauda equina) question and was told to seek emergency care now.',
  'same-day': 'The patient reported signs of possible progressive nerve damage.',
  '24h': 'The patient reported a possible sign of serious disease (cancer, infection or fracture). Review within 24 hours.',
};

const URGENCY_RANK: Readonly<Record<RedFlagUrgency, number>> = { emergency: 3, 'same-day': 2, '24h': 1 };
const QUESTIONS_BY_KEY = new Map(RED_FLAG_QUESTIONS.map((entry) => [entry.key, entry]));

type RedFlagDetail = { positives: string[]; groups: string[]; questions: string[]; answers: string[] };

function detailFor(positives: string[], answers: Readonly<Record<string, boolean>>): RedFlagDetail {
  const known = positives.filter((key) => QUESTIONS_BY_KEY.has(key));
  const groups = [...new Set(known.map((key) => QUESTIONS_BY_KEY.get(key)!.group))];
  return {
    positives: known,
    groups: groups.map((group) => RED_FLAG_GROUPS[group].label),
    questions: known.map((key) => QUESTIONS_BY_KEY.get(key)!.question),
    // Every answer given, yes and no, so the clinician sees what was asked as well as what was reported.
    answers: describeAnswers(answers),
  };
}

/**
 * One open red-flag alert per episode (the unique index alerts_open_unique). A later yes is added to the open
 * alert rather than lost: its findings join the alert's, and a more urgent answer raises the alert's urgency
 * (a new emergency must not hide behind an open review-within-24-hours alert).
 */
export async function raiseRedFlagAlert(
  executor: Db | Tx,
  input: { episodeId: string; urgency: RedFlagUrgency; positives: string[]; answers: Readonly<Record<string, boolean>>; now: Date },
): Promise<void> {
  const { episodeId, urgency, positives, answers, now } = input;
  const raised = await raiseAlert(executor, {
    episodeId,
    reason: 'red-flag',
    urgency,
    message: RED_FLAG_ALERT_MESSAGES[urgency],
    detail: detailFor(positives, answers),
    raisedAt: now,
  });
  if (raised) return;
  const [open] = await executor
    .select({ id: alerts.id, urgency: alerts.urgency, detail: alerts.detail })
    .from(alerts)
    .where(and(eq(alerts.episodeId, episodeId), eq(alerts.reason, 'red-flag'), isNull(alerts.acknowledgedAt), isNull(alerts.resolvedAt)))
    .limit(1);
  if (!open) return;
  const earlier = Array.isArray(open.detail.positives) ? (open.detail.positives as unknown[]).map(String) : [];
  const merged = RED_FLAG_QUESTIONS.map((entry) => entry.key).filter((key) => earlier.includes(key) || positives.includes(key));
  const openRank = URGENCY_RANK[open.urgency as RedFlagUrgency] ?? 0;
  const escalate = URGENCY_RANK[urgency] > openRank;
  if (!escalate && merged.length === earlier.length) return;
  const effective = escalate ? urgency : (open.urgency as RedFlagUrgency);
  await executor
    .update(alerts)
    .set({
      urgency: effective,
      message: RED_FLAG_ALERT_MESSAGES[effective],
      detail: detailFor(merged, answers),
      // A more urgent answer is a new event for the clinician's queue; a finding added at the same urgency is not.
      ...(escalate ? { raisedAt: now } : {}),
    })
    .where(eq(alerts.id, open.id));
  // A more urgent answer tells the clinician again, as a new alert would.
  if (escalate) await notifyUrgentAlert(executor, open.id, effective, now);
}

/**
 * Stores one set of red-flag answers (with a pain entry, or a safety check on its own) and raises its
 * alert when any answer was yes, in the caller's transaction. Null when `submissionId` was already used:
 * the caller decides whether that is a repeat of its own form or a tampered one.
 */
export async function storeRedFlagScreen(
  tx: Tx,
  input: { episodeId: string; painEntryId: string | null; answers: Readonly<Record<string, boolean>>; evaluation: RedFlagEvaluation; submissionId: string; now: Date },
): Promise<{ id: string } | null> {
  const { episodeId, painEntryId, answers, evaluation, submissionId, now } = input;
  const [screen] = await tx
    .insert(redFlagScreens)
    .values({ episodeId, painEntryId, answers, positives: evaluation.positives, urgency: evaluation.urgency, submissionId, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: redFlagScreens.id });
  if (!screen) return null;
  if (evaluation.urgency) {
    await raiseRedFlagAlert(tx, { episodeId, urgency: evaluation.urgency, positives: evaluation.positives, answers, now });
  }
  return screen;
}
