import 'server-only';
import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { episodes, redFlagScreens } from '@/db/schema';
import { recordDenied } from '@/lib/auth/viewer';
import { evaluateRedFlags, PERIODIC_RED_FLAG_QUESTIONS, safetyCheckDue, type RedFlagUrgency, type SafetyCheckDue } from '@/lib/clinical/red-flags';
import type { SafetyCheckInput } from '@/lib/validation/safety-check';
import type { RedFlagOutcome } from './pain';
import { getLoggableContext, getPatientContext, recordOwnAction, recordOwnRead } from './internal/patient-episode';
import { storeRedFlagScreen } from './internal/red-flag-alerts';

/**
 * A screen answered every periodic (cancer, infection, fracture) question: from the safety check itself, or
 * from a pain log where the patient reported a new or different symptom. Both count towards "asked weekly".
 */
export function periodicScreenFilter(alias?: string): SQL {
  const column = alias ? sql.raw(`${alias}.answers`) : sql`${redFlagScreens.answers}`;
  return sql.join(
    PERIODIC_RED_FLAG_QUESTIONS.map((question) => sql`(${column} -> ${question.key}) is not null`),
    sql` and `,
  );
}

export type SafetyCheckStatus = { due: SafetyCheckDue; lastAnsweredAt: Date | null; canAnswer: boolean };

/** Patient: whether the periodic safety questions are due in their current episode. No episode: null. Others: AppError('forbidden'). */
export async function getSafetyCheckStatus(now = new Date()): Promise<SafetyCheckStatus | null> {
  const { viewer, episode } = await getPatientContext();
  if (!episode) return null;
  const [last] = await getDb()
    .select({ at: redFlagScreens.createdAt })
    .from(redFlagScreens)
    .where(and(eq(redFlagScreens.episodeId, episode.id), periodicScreenFilter()))
    .orderBy(desc(redFlagScreens.createdAt))
    .limit(1);
  await recordOwnRead(viewer, 'safety-check.status-read', { type: 'episode', id: episode.id });
  const canAnswer = episode.status === 'active';
  return { due: canAnswer ? safetyCheckDue(last?.at ?? null, now) : null, lastAnsweredAt: last?.at ?? null, canAnswer };
}

export type CreateSafetyCheckResult =
  | { status: 'created' | 'duplicate'; screenId: string; redFlag: RedFlagOutcome }
  | { status: 'no-active-episode' }
  | { status: 'stale-form' };

/**
 * Patient with an active episode: stores their answers to the periodic safety questions; any yes raises a
 * red-flag alert for review within 24 hours, in one transaction with the audit row. A repeated submissionId
 * returns the first ('duplicate'). Others: AppError('forbidden'); no active care: 'no-active-episode'.
 */
export async function createSafetyCheck(input: SafetyCheckInput, now = new Date()): Promise<CreateSafetyCheckResult> {
  const { viewer, episode } = await getLoggableContext();
  if (!episode) return { status: 'no-active-episode' };
  const evaluation = evaluateRedFlags(input.redFlags);
  return getDb().transaction(async (tx) => {
    const inserted = await storeRedFlagScreen(tx, {
      episodeId: episode.id,
      painEntryId: null,
      answers: input.redFlags,
      evaluation,
      submissionId: input.submissionId,
      now,
    });
    if (!inserted) {
      const [first] = await tx
        .select({ id: redFlagScreens.id, urgency: redFlagScreens.urgency, positives: redFlagScreens.positives })
        .from(redFlagScreens)
        .where(and(eq(redFlagScreens.submissionId, input.submissionId), eq(redFlagScreens.episodeId, episode.id), isNull(redFlagScreens.painEntryId)))
        .limit(1);
      if (!first) return { status: 'stale-form' as const };
      return {
        status: 'duplicate' as const,
        screenId: first.id,
        redFlag: first.urgency ? { urgency: first.urgency as RedFlagUrgency, positives: first.positives } : null,
      };
    }
    await recordOwnAction(tx, viewer, 'safety-check.create', { type: 'red_flag_screen', id: inserted.id }, { redFlagUrgency: evaluation.urgency });
    return {
      status: 'created' as const,
      screenId: inserted.id,
      redFlag: evaluation.urgency ? { urgency: evaluation.urgency, positives: evaluation.positives } : null,
    };
  });
}

/** Patient: the result of one of their own safety checks (the page after answering). Anyone else's, or none: null (audited). */
export async function getSafetyCheckOutcome(screenId: string): Promise<{ answeredAt: Date; redFlag: RedFlagOutcome } | null> {
  const { viewer } = await getPatientContext();
  const [row] = await getDb()
    .select({ createdAt: redFlagScreens.createdAt, urgency: redFlagScreens.urgency, positives: redFlagScreens.positives })
    .from(redFlagScreens)
    .innerJoin(episodes, eq(episodes.id, redFlagScreens.episodeId))
    .where(and(eq(redFlagScreens.id, screenId), eq(episodes.patientId, viewer.userId), eq(episodes.clinicId, viewer.clinicId)))
    .limit(1);
  if (!row) {
    await recordDenied(viewer, 'safety-check.read', { type: 'red_flag_screen', id: screenId });
    return null;
  }
  await recordOwnRead(viewer, 'safety-check.read', { type: 'red_flag_screen', id: screenId });
  return { answeredAt: row.createdAt, redFlag: row.urgency ? { urgency: row.urgency as RedFlagUrgency, positives: row.positives } : null };
}
