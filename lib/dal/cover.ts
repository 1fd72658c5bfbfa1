import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { executeRows } from '@/db/rows';
import { clinics, users } from '@/db/schema';
import { canSetAway } from '@/lib/auth/policy';
import { auditActor, recordDenied, requireClinicManager, requireRole, type Viewer } from '@/lib/auth/viewer';
import { recordAudit } from '@/lib/audit/record';
import { isUuid } from '@/lib/validation/ids';
import { recordViewerAction } from './internal/viewer-action';

/**
 * Cover while a clinician is away (docs/CLINICAL.md, "Escalation and cover"): the cover sees and acts on the away
 * clinician's patients and open alerts (policy isResponsibleClinician, SQL responsibleClinicianIn) until
 * they are marked back. Nothing moves: the episodes keep their clinician, so "back" needs no undo.
 */

export type AwayStatus = {
  away: boolean;
  awaySince: Date | null;
  cover: { id: string; name: string } | null;
  /** Colleagues who are away with this clinician covering for them. */
  coveringFor: { id: string; name: string; awaySince: Date }[];
};

export type CoverCandidate = { id: string; name: string };

export type AwayOutcome =
  | 'done'
  | 'not-found'
  | 'invalid-cover'
  | 'self-cover'
  | 'cover-away'
  | 'covering-others'
  | 'not-away';

/** What each refusal means, in plain words for the form. */
export const AWAY_MESSAGES: Record<Exclude<AwayOutcome, 'done'>, string> = {
  'not-found': 'That clinician is not an active clinician of your clinic.',
  'invalid-cover': 'Choose an active clinician of your clinic to cover.',
  'self-cover': 'A clinician cannot cover for themself. Choose a colleague.',
  'cover-away': 'That colleague is away too. Choose someone who is at work.',
  'covering-others': 'This clinician is covering for a colleague who is away. Give that colleague another cover first.',
  'not-away': 'This clinician is not marked away.',
};

async function loadClinician(userId: string, viewer: Viewer) {
  const [row] = await getDb()
    .select({ id: users.id, clinicId: users.clinicId, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.clinicId, viewer.clinicId), eq(users.role, 'clinician'), eq(users.active, true)))
    .limit(1);
  return row ?? null;
}

/** Clinician: their own away status and whom they cover. Others: AppError('forbidden'). */
export async function getMyAwayStatus(): Promise<AwayStatus> {
  const viewer = await requireRole('clinician');
  return awayStatusOf(viewer.userId, viewer.clinicId);
}

async function awayStatusOf(userId: string, clinicId: string): Promise<AwayStatus> {
  const db = getDb();
  const cover = alias(users, 'cover');
  const [[me], coveringFor] = await Promise.all([
    db
      .select({ awaySince: users.awaySince, coverId: cover.id, coverName: cover.name })
      .from(users)
      .leftJoin(cover, eq(cover.id, users.coverClinicianId))
      .where(and(eq(users.id, userId), eq(users.clinicId, clinicId))),
    db
      .select({ id: users.id, name: users.name, awaySince: users.awaySince })
      .from(users)
      .where(and(eq(users.coverClinicianId, userId), eq(users.clinicId, clinicId)))
      .orderBy(asc(users.name)),
  ]);
  return {
    away: me?.awaySince != null,
    awaySince: me?.awaySince ?? null,
    cover: me?.coverId ? { id: me.coverId, name: me.coverName! } : null,
    coveringFor: coveringFor.map((row) => ({ id: row.id, name: row.name, awaySince: row.awaySince! })),
  };
}

/**
 * Clinician or manager: the clinicians of their clinic who can cover for `forClinicianId` (active, not
 * away, not that clinician). Others: AppError('forbidden').
 */
export async function listCoverCandidates(forClinicianId: string | null = null): Promise<CoverCandidate[]> {
  const viewer = await requireRole('clinician', 'manager');
  const exclude = forClinicianId ?? (viewer.role === 'clinician' ? viewer.userId : null);
  return getDb()
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      and(
        eq(users.clinicId, viewer.clinicId),
        eq(users.role, 'clinician'),
        eq(users.active, true),
        sql`${users.awaySince} is null`,
        exclude ? sql`${users.id} <> ${exclude}` : undefined,
      ),
    )
    .orderBy(asc(users.name));
}

/**
 * The clinician themself, or a manager of their clinic: marks an active clinician away with a colleague
 * covering (or changes the cover while away). The cover must be another active clinician of the same
 * clinic who is not away; a clinician covering for someone cannot go away until that is handed on.
 * Recorded in the audit trail with how many patients and open alerts pass to the cover. Anyone else or
 * an unknown clinician: 'not-found' (refusal audited). Patients: AppError('forbidden').
 */
export async function markAway(clinicianId: string, coverId: string, now = new Date()): Promise<AwayOutcome> {
  const viewer = await requireRole('clinician', 'manager');
  if (!isUuid(clinicianId)) return 'not-found';
  const clinician = await loadClinician(clinicianId, viewer);
  if (!clinician || !canSetAway(viewer, clinician)) {
    await recordDenied(viewer, 'clinician.away.start', { type: 'user', id: clinicianId });
    return 'not-found';
  }
  if (coverId === clinicianId) return 'self-cover';
  if (!isUuid(coverId)) return 'invalid-cover';
  return getDb().transaction(async (tx) => {
    // Both rows locked in one order, so two people setting covers at once cannot make a loop of covers.
    const rows = await tx
      .select({ id: users.id, clinicId: users.clinicId, role: users.role, active: users.active, awaySince: users.awaySince, coverId: users.coverClinicianId })
      .from(users)
      .where(inArray(users.id, [clinicianId, coverId]))
      .orderBy(asc(users.id))
      .for('update');
    const target = rows.find((row) => row.id === clinicianId);
    const cover = rows.find((row) => row.id === coverId);
    if (!target || !target.active) return 'not-found';
    if (!cover || cover.clinicId !== viewer.clinicId || cover.role !== 'clinician' || !cover.active) return 'invalid-cover';
    if (cover.awaySince !== null) return 'cover-away';
    const [covering] = await tx.select({ id: users.id }).from(users).where(eq(users.coverClinicianId, clinicianId)).limit(1);
    if (covering) return 'covering-others';
    await tx
      .update(users)
      .set({ coverClinicianId: coverId, awaySince: target.awaySince ?? now, updatedAt: now })
      .where(eq(users.id, clinicianId));
    const [handed] = await executeRows<{ episodes: number; alerts: number }>(
      tx,
      sql`select count(distinct e.id)::int as episodes, count(a.id)::int as alerts
          from episodes e left join alerts a on a.episode_id = e.id and a.acknowledged_at is null and a.resolved_at is null
          where e.clinician_id = ${clinicianId} and e.status = 'active'`,
    );
    await recordAudit(tx, {
      action: target.awaySince ? 'clinician.away.cover-change' : 'clinician.away.start',
      outcome: 'success',
      ...auditActor(viewer),
      resourceType: 'user',
      resourceId: clinicianId,
      detail: {
        coverClinicianId: coverId,
        previousCoverClinicianId: target.coverId,
        activeEpisodes: handed?.episodes ?? 0,
        openAlerts: handed?.alerts ?? 0,
      },
    });
    return 'done';
  });
}

/**
 * The clinician themself, or a manager of their clinic: marks an away clinician back; their patients and
 * alerts return to them at once. Recorded in the audit trail. Anyone else: 'not-found' (refusal audited);
 * a clinician who is not away: 'not-away'.
 */
export async function markBack(clinicianId: string, now = new Date()): Promise<AwayOutcome> {
  const viewer = await requireRole('clinician', 'manager');
  if (!isUuid(clinicianId)) return 'not-found';
  const clinician = await loadClinician(clinicianId, viewer);
  if (!clinician || !canSetAway(viewer, clinician)) {
    await recordDenied(viewer, 'clinician.away.end', { type: 'user', id: clinicianId });
    return 'not-found';
  }
  return getDb().transaction(async (tx) => {
    const [previous] = await tx
      .select({ coverId: users.coverClinicianId, awaySince: users.awaySince })
      .from(users)
      .where(eq(users.id, clinicianId))
      .for('update');
    if (!previous?.awaySince) return 'not-away';
    await tx.update(users).set({ coverClinicianId: null, awaySince: null, updatedAt: now }).where(eq(users.id, clinicianId));
    await recordViewerAction(tx, viewer, {
      action: 'clinician.away.end',
      resourceType: 'user',
      resourceId: clinicianId,
      detail: { coverClinicianId: previous.coverId, awaySince: previous.awaySince.toISOString() },
    });
    return 'done';
  });
}

export type ClinicianCoverRow = {
  id: string;
  name: string;
  awaySince: Date | null;
  coverName: string | null;
  isSafetyLead: boolean;
  activeEpisodes: number;
  /** Open alerts (neither acknowledged nor resolved) on their active episodes. */
  unacknowledged: number;
  oldestUnacknowledgedAt: Date | null;
  /** Of those, how many have been escalated to the safety lead. */
  escalated: number;
};

/**
 * Manager: per active clinician of their own clinic, whether they are away and who covers, and how many
 * alerts wait for acknowledgement on their patients and since when. Counts and times only: no patient,
 * reason or detail. Others: AppError('forbidden').
 */
export async function listClinicianCover(): Promise<{ rows: ClinicianCoverRow[]; safetyLead: { id: string; name: string } | null }> {
  const viewer = await requireClinicManager();
  const db = getDb();
  const rows = await executeRows<{
    id: string;
    name: string;
    away_since: string | Date | null;
    cover_name: string | null;
    is_safety_lead: boolean;
    active_episodes: number;
    unacknowledged: number;
    oldest: string | Date | null;
    escalated: number;
  }>(
    db,
    sql`select u.id, u.name, u.away_since, cv.name as cover_name, (c.safety_lead_id = u.id) is true as is_safety_lead,
          (select count(*)::int from episodes e where e.clinician_id = u.id and e.status = 'active') as active_episodes,
          coalesce(b.unacknowledged, 0)::int as unacknowledged, b.oldest, coalesce(b.escalated, 0)::int as escalated
        from users u
        join clinics c on c.id = u.clinic_id
        left join users cv on cv.id = u.cover_clinician_id
        left join lateral (
          select count(*) as unacknowledged, min(a.raised_at) as oldest, count(x.id) as escalated
          from episodes e join alerts a on a.episode_id = e.id
          left join alert_escalations x on x.alert_id = a.id
          where e.clinician_id = u.id and e.status = 'active' and a.acknowledged_at is null and a.resolved_at is null
        ) b on true
        where u.clinic_id = ${viewer.clinicId} and u.role = 'clinician' and u.active
        order by lower(u.name)`,
  );
  const [lead] = await db
    .select({ id: users.id, name: users.name })
    .from(clinics)
    .innerJoin(users, eq(users.id, clinics.safetyLeadId))
    .where(eq(clinics.id, viewer.clinicId));
  await recordViewerAction(db, viewer, {
    action: 'manager.cover.read',
    resourceType: 'clinic',
    resourceId: viewer.clinicId,
    detail: { clinicians: rows.length },
  });
  return {
    safetyLead: lead ?? null,
    rows: rows.map((row) => ({
      id: row.id,
      name: row.name,
      awaySince: row.away_since === null ? null : new Date(row.away_since),
      coverName: row.cover_name,
      isSafetyLead: row.is_safety_lead,
      activeEpisodes: row.active_episodes,
      unacknowledged: row.unacknowledged,
      oldestUnacknowledgedAt: row.oldest === null ? null : new Date(row.oldest),
      escalated: row.escalated,
    })),
  };
}
