import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { cache } from 'react';
import { getDb, type Db, type Tx } from '@/db/client';
import { episodes, users } from '@/db/schema';
import { canLogForEpisode, canReadEpisode } from '@/lib/auth/policy';
import { requireRole, type Viewer } from '@/lib/auth/viewer';
import { recordViewerAction } from './viewer-action';

export type PatientEpisode = {
  id: string;
  clinicId: string;
  patientId: string;
  clinicianId: string;
  clinicianName: string;
  status: 'active' | 'discharged';
  startedAt: Date;
  intakeNprs: number;
  questionnaireIntervalWeeks: number;
};

export type PatientContext = { viewer: Viewer; episode: PatientEpisode | null };

/**
 * Patient: the signed-in patient and their current episode (the active one, else the most recent), scoped
 * by patient and clinic. Everyone else: AppError('forbidden'). Read once per server request (React cache).
 */
export const getPatientContext = cache(async (): Promise<PatientContext> => {
  const viewer = await requireRole('patient');
  const [row] = await getDb()
    .select({
      id: episodes.id,
      clinicId: episodes.clinicId,
      patientId: episodes.patientId,
      clinicianId: episodes.clinicianId,
      clinicianName: users.name,
      status: episodes.status,
      startedAt: episodes.startedAt,
      intakeNprs: episodes.intakeNprs,
      questionnaireIntervalWeeks: episodes.questionnaireIntervalWeeks,
    })
    .from(episodes)
    .innerJoin(users, eq(users.id, episodes.clinicianId))
    .where(and(eq(episodes.patientId, viewer.userId), eq(episodes.clinicId, viewer.clinicId)))
    .orderBy(desc(eq(episodes.status, 'active')), desc(episodes.startedAt))
    .limit(1);
  const episode = row && canReadEpisode(viewer, row) ? row : null;
  return { viewer, episode };
});

/** Patient with an active episode: context for a new diary entry. Others: AppError('forbidden'); no active care: episode null. */
export async function getLoggableContext(): Promise<PatientContext> {
  const context = await getPatientContext();
  if (context.episode && !canLogForEpisode(context.viewer, context.episode)) return { ...context, episode: null };
  return context;
}

/**
 * Records that the patient read their own health data (HIPAA 164.312(b): every read is attributable).
 * Call it once per page-level read, after the reads succeeded; `action` names the view
 * (`patient.today.read`, …). The patient's own reads are left out of their "who viewed my record" list.
 */
export async function recordOwnRead(viewer: Viewer, action: string, resource: { type: string; id: string }): Promise<void> {
  await recordOwnAction(getDb(), viewer, action, resource);
}

/** The patient's own read or change of their record, as one audit row; pass the write's transaction. */
export async function recordOwnAction(
  executor: Db | Tx,
  viewer: Viewer,
  action: string,
  resource: { type: string; id: string },
  detail?: Record<string, unknown>,
): Promise<void> {
  await recordViewerAction(executor, viewer, { action, patientId: viewer.userId, resourceType: resource.type, resourceId: resource.id, detail });
}
