import 'server-only';
import { and, asc, count, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { clinics, episodes, users } from '@/db/schema';
import { requireClinicManager } from '@/lib/auth/viewer';
import { recordViewerAction } from './internal/viewer-action';

export type CaseloadEpisode = {
  id: string;
  pseudonym: string;
  patientName: string | null;
  clinicianId: string;
  clinicianName: string;
  startedAt: Date;
};

/** Rows per page of the manager's caseloads list: a whole clinic is thousands of active episodes. */
export const CASELOADS_PAGE_SIZE = 50;

export type CaseloadEpisodesPage = { rows: CaseloadEpisode[]; total: number; page: number; pageCount: number };

/**
 * Manager: one page of the active episodes of their own clinic (optionally one clinician's), by clinician,
 * then start; patients by pseudonym, names only when clinic policy allows. A page past the end is the last
 * page. Each view is recorded in the audit trail. Others: AppError('forbidden').
 */
export async function listActiveEpisodes(clinicianId: string | null, page = 1): Promise<CaseloadEpisodesPage> {
  const viewer = await requireClinicManager();
  const db = getDb();
  const scope = and(
    eq(episodes.clinicId, viewer.clinicId),
    eq(episodes.status, 'active'),
    clinicianId ? eq(episodes.clinicianId, clinicianId) : undefined,
  );
  const [[clinic], [counted]] = await Promise.all([
    db.select({ identity: clinics.managersSeePatientIdentity }).from(clinics).where(eq(clinics.id, viewer.clinicId)),
    db.select({ total: count() }).from(episodes).where(scope),
  ]);
  const total = counted?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / CASELOADS_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const clinician = alias(users, 'clinician');
  const patient = alias(users, 'patient');
  const rows = await db
    .select({
      id: episodes.id,
      pseudonym: episodes.pseudonym,
      patientName: patient.name,
      clinicianId: episodes.clinicianId,
      clinicianName: clinician.name,
      startedAt: episodes.startedAt,
    })
    .from(episodes)
    .innerJoin(clinician, eq(clinician.id, episodes.clinicianId))
    .innerJoin(patient, eq(patient.id, episodes.patientId))
    .where(scope)
    .orderBy(asc(clinician.name), asc(episodes.startedAt), asc(episodes.id))
    .limit(CASELOADS_PAGE_SIZE)
    .offset((current - 1) * CASELOADS_PAGE_SIZE);
  const identity = clinic?.identity ?? false;
  // Who is in whose care (and, by policy, by name) is health information: the view is attributable.
  await recordViewerAction(db, viewer, {
    action: 'manager.caseloads.read',
    resourceType: 'caseloads',
    detail: { page: current, episodes: rows.length, clinicianId, identities: identity },
  });
  return {
    rows: rows.map((row) => ({ ...row, patientName: identity ? row.patientName : null })),
    total,
    page: current,
    pageCount,
  };
}

export type ReassignOutcome = 'done' | 'not-found' | 'invalid-clinician' | 'unchanged';

/**
 * Manager: moves an active episode of their own clinic to another active clinician of the same clinic,
 * recorded in the audit trail with from and to. Episodes elsewhere or discharged: 'not-found'; a target
 * who is not an active clinician of the clinic: 'invalid-clinician'. Others: AppError('forbidden').
 */
export async function reassignEpisode(episodeId: string, toClinicianId: string): Promise<ReassignOutcome> {
  const viewer = await requireClinicManager();
  return getDb().transaction(async (tx) => {
    const [episode] = await tx
      .select({ id: episodes.id, clinicianId: episodes.clinicianId, patientId: episodes.patientId })
      .from(episodes)
      .where(and(eq(episodes.id, episodeId), eq(episodes.clinicId, viewer.clinicId), eq(episodes.status, 'active')))
      .for('update')
      .limit(1);
    if (!episode) return 'not-found';
    const [target] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, toClinicianId), eq(users.clinicId, viewer.clinicId), eq(users.role, 'clinician'), eq(users.active, true)))
      .limit(1);
    if (!target) return 'invalid-clinician';
    if (episode.clinicianId === target.id) return 'unchanged';
    await tx.update(episodes).set({ clinicianId: target.id }).where(eq(episodes.id, episode.id));
    await recordViewerAction(tx, viewer, {
      action: 'manager.episode.reassign',
      patientId: episode.patientId,
      resourceType: 'episode',
      resourceId: episode.id,
      detail: { fromClinicianId: episode.clinicianId, toClinicianId: target.id },
    });
    return 'done';
  });
}

export type ReassignCaseloadOutcome =
  | { outcome: 'done'; moved: number }
  | { outcome: 'not-found' | 'invalid-clinician' | 'unchanged' };

/**
 * Manager: moves every active episode of a clinician of their own clinic (for example one leaving, who
 * must hand over before being deactivated) to another active clinician of the clinic, with their open
 * alerts, which belong to the episodes. One audit row per episode with from and to, in one transaction.
 * A source who is not a clinician of the clinic: 'not-found'; a target who is not an active clinician of
 * the clinic: 'invalid-clinician'; the same clinician: 'unchanged'. Others: AppError('forbidden').
 */
export async function reassignCaseload(fromClinicianId: string, toClinicianId: string): Promise<ReassignCaseloadOutcome> {
  const viewer = await requireClinicManager();
  if (fromClinicianId === toClinicianId) return { outcome: 'unchanged' };
  return getDb().transaction(async (tx) => {
    const [from] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, fromClinicianId), eq(users.clinicId, viewer.clinicId), eq(users.role, 'clinician')))
      .limit(1);
    if (!from) return { outcome: 'not-found' as const };
    const [target] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, toClinicianId), eq(users.clinicId, viewer.clinicId), eq(users.role, 'clinician'), eq(users.active, true)))
      .for('update')
      .limit(1);
    if (!target) return { outcome: 'invalid-clinician' as const };
    const moved = await tx
      .update(episodes)
      .set({ clinicianId: target.id })
      .where(and(eq(episodes.clinicianId, from.id), eq(episodes.clinicId, viewer.clinicId), eq(episodes.status, 'active')))
      .returning({ id: episodes.id, patientId: episodes.patientId });
    for (const episode of moved) {
      await recordViewerAction(tx, viewer, {
        action: 'manager.episode.reassign',
        patientId: episode.patientId,
        resourceType: 'episode',
        resourceId: episode.id,
        detail: { fromClinicianId: from.id, toClinicianId: target.id, wholeCaseload: true },
      });
    }
    return { outcome: 'done' as const, moved: moved.length };
  });
}
