import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { exercises, planItems, plans, users } from '@/db/schema';
import type { PlanItemInput } from '@/lib/validation/plans';
import { recordAudit } from '@/lib/audit/record';
import { auditBase, getOwnEpisode, loadEpisodeHeading, type EpisodeHeading } from './internal/clinician-access';
import { dosageColumns } from './internal/plan-columns';

export type PlanVersionSummary = { version: number; createdAt: Date; createdByName: string; note: string | null; itemCount: number };

export type PlanItemView = PlanItemInput & { exerciseName: string; category: string };

export type PlanView = {
  heading: EpisodeHeading;
  currentVersion: number;
  shownVersion: number | null;
  items: PlanItemView[];
  note: string | null;
  versions: PlanVersionSummary[];
};

export const PLAN_CONFLICT_MESSAGE =
  'Someone else saved this plan while you were editing. Reload to see their version; your changes were not saved.';

/**
 * Clinician: the plan of an episode in their caseload — all versions and the items of `version` (default
 * newest). Other clinicians or unknown ids: null. Other roles: AppError('forbidden').
 */
export async function getPlan(episodeId: string, version?: number): Promise<PlanView | null> {
  const access = await getOwnEpisode(episodeId, 'clinician.plan.read');
  if (!access) return null;
  const db = getDb();
  const versionRows = await db
    .select({ id: plans.id, version: plans.version, createdAt: plans.createdAt, createdByName: users.name, note: plans.note })
    .from(plans)
    .innerJoin(users, eq(users.id, plans.createdBy))
    .where(eq(plans.episodeId, access.episode.id))
    .orderBy(desc(plans.version));
  const counts = versionRows.length
    ? await db
        .select({ planId: planItems.planId, exerciseId: planItems.exerciseId })
        .from(planItems)
        .where(inArray(planItems.planId, versionRows.map((row) => row.id)))
    : [];
  const currentVersion = versionRows[0]?.version ?? 0;
  const shown = versionRows.find((row) => row.version === (version ?? currentVersion)) ?? null;
  const items = shown
    ? await db
        .select({
          exerciseId: planItems.exerciseId,
          exerciseName: exercises.name,
          category: exercises.category,
          ...dosageColumns,
          instructionsNote: planItems.instructionsNote,
        })
        .from(planItems)
        .innerJoin(exercises, eq(exercises.id, planItems.exerciseId))
        .where(eq(planItems.planId, shown.id))
        .orderBy(asc(planItems.position))
    : [];
  await recordAudit(db, { ...auditBase(access), action: 'clinician.plan.read', outcome: 'success', resourceType: 'episode', resourceId: access.episode.id });
  return {
    heading: await loadEpisodeHeading(access),
    currentVersion,
    shownVersion: shown?.version ?? null,
    items,
    note: shown?.note ?? null,
    versions: versionRows.map((row) => ({
      version: row.version,
      createdAt: row.createdAt,
      createdByName: row.createdByName,
      note: row.note,
      itemCount: counts.filter((count) => count.planId === row.id).length,
    })),
  };
}

export type SavePlanOutcome = { status: 'saved'; version: number } | { status: 'conflict' | 'not-found' | 'discharged' | 'unknown-exercise' };

function isUniqueViolation(error: unknown): boolean {
  for (let current = error as { code?: string; cause?: unknown } | undefined, depth = 0; current && depth < 4; depth += 1) {
    if (current.code === '23505') return true;
    current = current.cause as typeof current;
  }
  return false;
}

/**
 * Clinician: saves a new version (base + 1) of the plan of their own active episode. If anyone saved
 * since `baseVersion` was read, the unique (episode, version) index refuses the insert: 'conflict', nothing
 * written. The same submission again (a double click, a retried request) stores nothing and answers with
 * the version the first one saved. Exercises must come from the clinician's clinic. Others: 'not-found'.
 */
export async function savePlanVersion(
  episodeId: string,
  input: { submissionId: string; baseVersion: number; note: string; items: PlanItemInput[] },
): Promise<SavePlanOutcome> {
  const access = await getOwnEpisode(episodeId, 'clinician.plan.save');
  if (!access) return { status: 'not-found' };
  const db = getDb();
  const alreadySaved = async () => {
    const [saved] = await db
      .select({ version: plans.version })
      .from(plans)
      .where(and(eq(plans.submissionId, input.submissionId), eq(plans.episodeId, access.episode.id)));
    return saved ? ({ status: 'saved', version: saved.version } as const) : null;
  };
  const earlier = await alreadySaved();
  if (earlier) return earlier;
  if (access.episode.status !== 'active') return { status: 'discharged' };
  const exerciseIds = [...new Set(input.items.map((item) => item.exerciseId))];
  const known = await db
    .select({ id: exercises.id })
    .from(exercises)
    .where(and(inArray(exercises.id, exerciseIds), eq(exercises.clinicId, access.viewer.clinicId)));
  if (known.length !== exerciseIds.length) return { status: 'unknown-exercise' };
  const [latest] = await db
    .select({ version: plans.version })
    .from(plans)
    .where(eq(plans.episodeId, access.episode.id))
    .orderBy(desc(plans.version))
    .limit(1);
  if ((latest?.version ?? 0) !== input.baseVersion) return { status: 'conflict' };
  const version = input.baseVersion + 1;
  try {
    await db.transaction(async (tx) => {
      const [plan] = await tx
        .insert(plans)
        .values({ episodeId: access.episode.id, version, createdBy: access.viewer.userId, note: input.note || null, submissionId: input.submissionId })
        .returning({ id: plans.id });
      await tx.insert(planItems).values(
        input.items.map((item, position) => ({
          planId: plan!.id,
          exerciseId: item.exerciseId,
          position,
          sets: item.sets,
          reps: item.reps,
          holdSeconds: item.holdSeconds,
          durationMinutes: item.durationMinutes,
          timesPerDay: item.timesPerDay,
          daysPerWeek: item.daysPerWeek,
          perSide: item.perSide,
          instructionsNote: item.instructionsNote || null,
        })),
      );
      await recordAudit(tx, {
        ...auditBase(access),
        action: 'clinician.plan.save',
        outcome: 'success',
        resourceType: 'plan',
        resourceId: plan!.id,
        detail: { version, items: input.items.length },
      });
    });
  } catch (error) {
    // The same submission saved at the same moment by a second request: answer with the first one's version.
    if (isUniqueViolation(error)) return (await alreadySaved()) ?? { status: 'conflict' };
    throw error;
  }
  return { status: 'saved', version };
}
