import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { goals } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { isUuid } from '@/lib/validation/ids';
import { auditBase, getOwnEpisode } from './internal/clinician-access';

export type GoalView = {
  id: string;
  description: string;
  measureCode: string | null;
  targetValue: number | null;
  targetDate: string | null;
  status: 'active' | 'achieved' | 'not-achieved' | 'cancelled';
  updatedAt: Date;
};

/** Clinician: adds a goal to their own episode; the same submission again stores nothing. Others: 'not-found'. */
export async function createGoal(
  episodeId: string,
  input: { submissionId: string; description: string; measureCode?: string; targetValue?: number; targetDate?: string },
): Promise<'created' | 'not-found'> {
  const access = await getOwnEpisode(episodeId, 'clinician.goal.create');
  if (!access) return 'not-found';
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(goals)
      .values({
        episodeId: access.episode.id,
        description: input.description,
        measureCode: input.measureCode ?? null,
        targetValue: input.targetValue ?? null,
        targetDate: input.targetDate ?? null,
        createdBy: access.viewer.userId,
        submissionId: input.submissionId,
      })
      .onConflictDoNothing()
      .returning({ id: goals.id });
    // A repeated submission (double click, a retried request): the first one stands.
    if (!row) return;
    await recordAudit(tx, { ...auditBase(access), action: 'clinician.goal.create', outcome: 'success', resourceType: 'goal', resourceId: row.id });
  });
  return 'created';
}

/** Clinician: changes the status of a goal of their own episode. Others: 'not-found'. */
export async function updateGoalStatus(episodeId: string, goalId: string, status: GoalView['status']): Promise<'updated' | 'not-found'> {
  const access = await getOwnEpisode(episodeId, 'clinician.goal.update');
  if (!access || !isUuid(goalId)) return 'not-found';
  return getDb().transaction(async (tx) => {
    const updated = await tx
      .update(goals)
      .set({ status, updatedAt: new Date() })
      .where(and(eq(goals.id, goalId), eq(goals.episodeId, access.episode.id)))
      .returning({ id: goals.id });
    if (updated.length === 0) return 'not-found' as const;
    await recordAudit(tx, { ...auditBase(access), action: 'clinician.goal.update', outcome: 'success', resourceType: 'goal', resourceId: goalId, detail: { status } });
    return 'updated' as const;
  });
}
