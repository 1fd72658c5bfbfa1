import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { episodes, exerciseLogs, exercises, planItems, plans } from '@/db/schema';
import type { Dosage } from '@/lib/clinical/dosage';
import { recordDenied } from '@/lib/auth/viewer';
import { localDay } from '@/lib/time';
import type { ExerciseLogInput } from '@/lib/validation/exercise-log';
import type { ExerciseLogEntry } from '@/lib/validation/exercise-log-options';
import { getLoggableContext, getPatientContext, recordOwnAction, recordOwnRead } from './internal/patient-episode';
import { exerciseLogEntryColumns } from './internal/diary-columns';
import { dosageColumns } from './internal/plan-columns';

export type PlanItemSummary = {
  planItemId: string;
  exerciseSlug: string;
  name: string;
  summary: string;
  category: string;
  illustration: string | null;
  dosage: Dosage;
  instructionsNote: string | null;
};

export type PlanItemDetail = PlanItemSummary & {
  instructions: string[];
  safetyNote: string;
  acceptablePain: string;
  todayLogs: ExerciseLogEntry[];
  canLog: boolean;
};

const itemColumns = {
  planItemId: planItems.id,
  exerciseSlug: exercises.slug,
  name: exercises.name,
  summary: exercises.summary,
  category: exercises.category,
  illustration: exercises.illustration,
  instructionsNote: planItems.instructionsNote,
  ...dosageColumns,
};

type ItemRow = { [K in keyof typeof itemColumns]: unknown } & Record<string, unknown>;

/** A plan item row (these columns, flat, as selected here or as JSON in getToday's statement) as the summary pages use. */
export function toItem(row: ItemRow): PlanItemSummary {
  const r = row as unknown as PlanItemSummary & Dosage;
  return {
    planItemId: r.planItemId,
    exerciseSlug: r.exerciseSlug,
    name: r.name,
    summary: r.summary,
    category: r.category,
    illustration: r.illustration,
    instructionsNote: r.instructionsNote,
    dosage: {
      sets: r.sets,
      reps: r.reps,
      holdSeconds: r.holdSeconds,
      durationMinutes: r.durationMinutes,
      timesPerDay: r.timesPerDay,
      daysPerWeek: r.daysPerWeek,
      perSide: r.perSide,
    },
  };
}

/** The episode's plan in use: its highest version. */
function currentPlanId(episodeId: string) {
  return sql`(select ${plans.id} from ${plans} where ${plans.episodeId} = ${episodeId} order by ${plans.version} desc limit 1)`;
}

/**
 * Patient: one item of their own current plan, with today's logs. An item of someone else's plan, or of an
 * older plan version: null (audited as denied). Others: AppError('forbidden').
 */
export async function getPlanItemDetail(planItemId: string): Promise<PlanItemDetail | null> {
  const { viewer, episode } = await getPatientContext();
  if (!episode) return null;
  const [row] = await getDb()
    .select({
      ...itemColumns,
      instructions: exercises.instructions,
      safetyNote: exercises.safetyNote,
      acceptablePain: exercises.acceptablePain,
    })
    .from(planItems)
    .innerJoin(exercises, eq(exercises.id, planItems.exerciseId))
    .where(and(eq(planItems.id, planItemId), eq(planItems.planId, currentPlanId(episode.id))))
    .limit(1);
  if (!row) {
    await recordDenied(viewer, 'plan-item.read', { type: 'plan_item', id: planItemId });
    return null;
  }
  const todayLogs = await getDb()
    .select(exerciseLogEntryColumns)
    .from(exerciseLogs)
    .where(
      and(
        eq(exerciseLogs.episodeId, episode.id),
        eq(exerciseLogs.planItemId, planItemId),
        eq(exerciseLogs.localDay, localDay(new Date(), viewer.timeZone)),
      ),
    )
    .orderBy(desc(exerciseLogs.loggedAt));
  await recordOwnRead(viewer, 'plan-item.read', { type: 'plan_item', id: planItemId });
  return {
    ...toItem(row),
    instructions: row.instructions,
    safetyNote: row.safetyNote,
    acceptablePain: row.acceptablePain,
    todayLogs,
    canLog: episode.status === 'active',
  };
}

export type CreateExerciseLogResult = 'created' | 'duplicate' | 'not-found' | 'no-active-episode';

/**
 * Patient with an active episode: logs an item of their own current plan (idempotent on submissionId).
 * Someone else's item: 'not-found' (audited). Others: AppError('forbidden').
 */
export async function createExerciseLog(input: ExerciseLogInput): Promise<CreateExerciseLogResult> {
  const { viewer, episode } = await getLoggableContext();
  if (!episode) return 'no-active-episode';
  const db = getDb();
  const [item] = await db
    .select({ id: planItems.id })
    .from(planItems)
    .where(and(eq(planItems.id, input.planItemId), eq(planItems.planId, currentPlanId(episode.id))))
    .limit(1);
  if (!item) {
    await recordDenied(viewer, 'exercise-log.create', { type: 'plan_item', id: input.planItemId });
    return 'not-found';
  }
  const now = new Date();
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(exerciseLogs)
      .values({
        episodeId: episode.id,
        planItemId: item.id,
        status: input.status,
        setsDone: input.setsDone,
        difficulty: input.difficulty,
        painDuring: input.painDuring,
        skipReason: input.skipReason,
        loggedAt: now,
        localDay: localDay(now, viewer.timeZone),
        submissionId: input.submissionId,
      })
      .onConflictDoNothing()
      .returning({ id: exerciseLogs.id });
    if (!inserted) return 'duplicate' as const;
    await recordOwnAction(tx, viewer, 'exercise-log.create', { type: 'exercise_log', id: inserted.id }, { status: input.status });
    return 'created' as const;
  });
}

export type UndoExerciseLogResult = 'undone' | 'not-found' | 'too-late';

/**
 * Patient: removes their own log made today (in their time zone). Older logs: 'too-late'. Someone else's:
 * 'not-found' (audited). Others: AppError('forbidden').
 */
export async function undoExerciseLog(logId: string): Promise<UndoExerciseLogResult> {
  const { viewer } = await getPatientContext();
  const db = getDb();
  const ownEpisodeIds = db
    .select({ id: episodes.id })
    .from(episodes)
    .where(and(eq(episodes.patientId, viewer.userId), eq(episodes.clinicId, viewer.clinicId), eq(episodes.status, 'active')));
  const today = localDay(new Date(), viewer.timeZone);
  const undone = await db.transaction(async (tx) => {
    const rows = await tx
      .delete(exerciseLogs)
      .where(and(eq(exerciseLogs.id, logId), inArray(exerciseLogs.episodeId, ownEpisodeIds), eq(exerciseLogs.localDay, today)))
      .returning({ id: exerciseLogs.id });
    if (rows.length === 0) return false;
    await recordOwnAction(tx, viewer, 'exercise-log.undo', { type: 'exercise_log', id: logId });
    return true;
  });
  if (undone) return 'undone';
  const [own] = await db
    .select({ id: exerciseLogs.id })
    .from(exerciseLogs)
    .innerJoin(episodes, eq(episodes.id, exerciseLogs.episodeId))
    .where(and(eq(exerciseLogs.id, logId), eq(episodes.patientId, viewer.userId), eq(episodes.clinicId, viewer.clinicId)))
    .limit(1);
  if (own) return 'too-late';
  await recordDenied(viewer, 'exercise-log.undo', { type: 'exercise_log', id: logId });
  return 'not-found';
}
