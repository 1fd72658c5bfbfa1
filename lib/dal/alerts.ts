import 'server-only';
import { and, count, desc, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { executeRows } from '@/db/rows';
import { alerts, episodes, users } from '@/db/schema';
import { recordDenied, requireRole } from '@/lib/auth/viewer';
import type { AlertReason } from '@/lib/clinical/alerts';
import { isUuid } from '@/lib/validation/ids';
import { escalatedAlertForLead } from './escalations';
import { responsibleClinicianIn } from './internal/clinician-access';
import { recordViewerAction } from './internal/viewer-action';

export type AlertItem = {
  id: string;
  episodeId: string;
  patientId: string;
  patientName: string;
  reason: AlertReason;
  urgency: 'emergency' | 'same-day' | '24h' | 'routine';
  message: string;
  detail: Record<string, unknown>;
  raisedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedByName: string | null;
  acknowledgeComment: string | null;
  resolvedAt: Date | null;
  /** The away clinician whose patient this is, when the viewer sees it as their cover. */
  coveringFor?: string | null;
};

const URGENCY_ORDER = sql`case ${alerts.urgency} when 'emergency' then 1 when 'same-day' then 2 when '24h' then 3 else 4 end`;

function selectAlerts(viewerId: string) {
  const patient = alias(users, 'patient');
  const acknowledger = alias(users, 'acknowledger');
  const clinician = alias(users, 'clinician');
  return getDb()
    .select({
      coveringFor: sql<string | null>`case when ${episodes.clinicianId} <> ${viewerId} then ${clinician.name} end`,
      id: alerts.id,
      episodeId: alerts.episodeId,
      patientId: episodes.patientId,
      patientName: patient.name,
      reason: alerts.reason,
      urgency: alerts.urgency,
      message: alerts.message,
      detail: alerts.detail,
      raisedAt: alerts.raisedAt,
      acknowledgedAt: alerts.acknowledgedAt,
      acknowledgedByName: acknowledger.name,
      acknowledgeComment: alerts.acknowledgeComment,
      resolvedAt: alerts.resolvedAt,
    })
    .from(alerts)
    .innerJoin(episodes, eq(episodes.id, alerts.episodeId))
    .innerJoin(patient, eq(patient.id, episodes.patientId))
    .innerJoin(clinician, eq(clinician.id, episodes.clinicianId))
    .leftJoin(acknowledger, eq(acknowledger.id, alerts.acknowledgedBy));
}

/** How many recently closed alerts the inbox shows at first, and at most. */
export const CLOSED_ALERTS_SHOWN = 10;
export const CLOSED_ALERTS_MAX = 50;
/** How many open alerts the inbox shows at first, the most urgent: a long list is read from the top. */
export const OPEN_ALERTS_SHOWN = 50;

/**
 * Clinician: alerts on their own episodes and those they cover for an away colleague — open ones (red
 * flags first, then urgency, oldest first; the first `openLimit` of them when given, with how many are
 * open in all) and the most recently closed (`closedLimit`, 10 by default, at most 50). One episode's
 * open alerts come with its record (getPatientRecord). Everyone else: AppError('forbidden').
 */
export async function listAlerts(
  options: { closedLimit?: number; openLimit?: number } = {},
): Promise<{ open: AlertItem[]; openTotal: number; closed: AlertItem[] }> {
  const viewer = await requireRole('clinician');
  const scope = and(responsibleClinicianIn(episodes.clinicianId, viewer), eq(episodes.clinicId, viewer.clinicId));
  const isOpen = and(isNull(alerts.acknowledgedAt), isNull(alerts.resolvedAt));
  const openLimit = options.openLimit === undefined ? null : Math.max(1, Math.floor(options.openLimit));
  const openQuery = selectAlerts(viewer.userId)
    .where(and(scope, isOpen))
    .orderBy(sql`(${alerts.reason} = 'red-flag') desc`, URGENCY_ORDER, alerts.raisedAt)
    .$dynamic();
  const open = await (openLimit === null ? openQuery : openQuery.limit(openLimit));
  // Counted only when the list was cut short.
  const openTotal =
    openLimit !== null && open.length === openLimit
      ? ((
          await getDb()
            .select({ n: count() })
            .from(alerts)
            .innerJoin(episodes, eq(episodes.id, alerts.episodeId))
            .where(and(scope, isOpen))
        )[0]?.n ?? open.length)
      : open.length;
  const closedLimit = Math.min(CLOSED_ALERTS_MAX, Math.max(0, Math.floor(options.closedLimit ?? CLOSED_ALERTS_SHOWN)));
  const closed = closedLimit === 0 ? [] : await selectAlerts(viewer.userId)
    .where(and(scope, or(isNotNull(alerts.acknowledgedAt), isNotNull(alerts.resolvedAt))))
    .orderBy(desc(sql`coalesce(${alerts.acknowledgedAt}, ${alerts.resolvedAt})`))
    .limit(closedLimit);
  await recordViewerAction(getDb(), viewer, {
    action: 'clinician.alerts.read',
    resourceType: 'alert-inbox',
    detail: { open: open.length, openTotal, closed: closed.length },
  });
  return { open, openTotal, closed };
}

/**
 * Clinician: number of open alerts on the active episodes they are responsible for, plus those escalated
 * to them as the clinic's acting safety lead (the navigation badge). Others: AppError('forbidden').
 */
export async function countOpenAlerts(): Promise<number> {
  const viewer = await requireRole('clinician');
  // The acting-lead test is the SQL twin of isActingSafetyLead: the named lead, or their cover while away.
  const [row] = await executeRows<{ n: number }>(
    getDb(),
    sql`select count(*)::int as n from ${alerts} a join ${episodes} e on e.id = a.episode_id
        where e.clinic_id = ${viewer.clinicId} and e.status = 'active'
          and a.acknowledged_at is null and a.resolved_at is null
          and (${responsibleClinicianIn(sql`e.clinician_id`, viewer)}
            or (exists (select 1 from alert_escalations x where x.alert_id = a.id)
              and exists (select 1 from clinics c join users l on l.id = c.safety_lead_id
                where c.id = ${viewer.clinicId} and (l.id = ${viewer.userId} or l.cover_clinician_id = ${viewer.userId}))))`,
  );
  return row?.n ?? 0;
}

export type AcknowledgeOutcome = 'acknowledged' | 'already-closed' | 'not-found';

/**
 * Clinician: acknowledges an open alert on an episode they are responsible for (their own, or covered
 * while its clinician is away), or one escalated to them as the clinic's acting safety lead, keeping who,
 * when and the comment. Anyone else's alert or an unknown id: 'not-found' (refusal audited).
 * Others: AppError('forbidden').
 */
export async function acknowledgeAlert(alertId: string, comment: string | null, now = new Date()): Promise<AcknowledgeOutcome> {
  const viewer = await requireRole('clinician');
  if (!isUuid(alertId)) return 'not-found';
  const db = getDb();
  const [responsible] = await db
      .select({ patientId: episodes.patientId, reason: alerts.reason })
      .from(alerts)
      .innerJoin(episodes, eq(episodes.id, alerts.episodeId))
      .where(and(eq(alerts.id, alertId), responsibleClinicianIn(episodes.clinicianId, viewer), eq(episodes.clinicId, viewer.clinicId)))
      .limit(1);
  const asSafetyLead = responsible ? null : await escalatedAlertForLead(viewer, alertId);
  const target = responsible ?? asSafetyLead;
  if (!target) {
    await recordDenied(viewer, 'clinician.alert.acknowledge', { type: 'alert', id: alertId });
    return 'not-found';
  }
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(alerts)
      .set({ acknowledgedAt: now, acknowledgedBy: viewer.userId, acknowledgeComment: comment })
      .where(and(eq(alerts.id, alertId), isNull(alerts.acknowledgedAt), isNull(alerts.resolvedAt)))
      .returning({ id: alerts.id });
    if (updated.length === 0) return 'already-closed';
    await recordViewerAction(tx, viewer, {
      action: 'clinician.alert.acknowledge',
      patientId: target.patientId,
      resourceType: 'alert',
      resourceId: alertId,
      detail: { reason: target.reason, comment: comment !== null, ...(asSafetyLead ? { asSafetyLead: true } : {}) },
    });
    return 'acknowledged';
  });
}
