import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { alertEscalations, alerts, clinics, episodes, users } from '@/db/schema';
import { isActingSafetyLead, type SafetyLeadFacts } from '@/lib/auth/policy';
import { recordDenied, requireClinicManager, requireRole, type Viewer } from '@/lib/auth/viewer';
import type { EscalationWindows } from '@/lib/clinical/escalation';
import type { AlertItem } from './alerts';
import { isUuid } from '@/lib/validation/ids';
import { type ClinicianEpisodeAccess } from './internal/clinician-access';
import { recordViewerAction } from './internal/viewer-action';

/**
 * The safety lead's side of escalation (docs/CLINICAL.md, "Escalation and cover"): the clinic's settings, the
 * "Escalated to you" list, and the record access an escalation grants. Escalations themselves are
 * decided by the scheduled evaluation (escalation-engine.ts).
 */

/** Unscoped lookup of who leads safety in a clinic and who covers them while away; apply isActingSafetyLead. */
async function loadSafetyLeadFacts(clinicId: string): Promise<SafetyLeadFacts> {
  const lead = alias(users, 'lead');
  const [row] = await getDb()
    .select({ safetyLeadId: clinics.safetyLeadId, leadCoverId: lead.coverClinicianId })
    .from(clinics)
    .leftJoin(lead, eq(lead.id, clinics.safetyLeadId))
    .where(eq(clinics.id, clinicId));
  return { clinicId, safetyLeadId: row?.safetyLeadId ?? null, leadCoverId: row?.leadCoverId ?? null };
}

/** Whether the viewer is their clinic's acting safety lead (the lead, or the lead's cover while away). */
async function actingLead(viewer: Viewer): Promise<boolean> {
  return isActingSafetyLead(viewer, await loadSafetyLeadFacts(viewer.clinicId));
}

export type SafetySettings = {
  safetyLeadId: string | null;
  windows: EscalationWindows;
  /** Active clinicians of the clinic, who may be named safety lead. */
  clinicians: { id: string; name: string }[];
};

/** Manager: their clinic's safety lead, escalation windows and the clinicians to choose from. Others: AppError('forbidden'). */
export async function getSafetySettings(): Promise<SafetySettings> {
  const viewer = await requireClinicManager();
  const db = getDb();
  const [[clinic], clinicians] = await Promise.all([
    db
      .select({
        safetyLeadId: clinics.safetyLeadId,
        emergency: clinics.escalateEmergencyMinutes,
        sameDay: clinics.escalateSameDayMinutes,
        review: clinics.escalateReviewMinutes,
      })
      .from(clinics)
      .where(eq(clinics.id, viewer.clinicId)),
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.clinicId, viewer.clinicId), eq(users.role, 'clinician'), eq(users.active, true)))
      .orderBy(users.name),
  ]);
  return {
    safetyLeadId: clinic!.safetyLeadId,
    windows: { emergency: clinic!.emergency, 'same-day': clinic!.sameDay, '24h': clinic!.review },
    clinicians,
  };
}

export type SafetySettingsInput = { safetyLeadId: string; windows: EscalationWindows };

/**
 * Manager: names their clinic's safety lead (an active clinician of the clinic) and sets the escalation
 * windows, recorded in the audit trail. A lead who is not an active clinician of the clinic: 'invalid-lead'
 * and nothing changes. Others: AppError('forbidden').
 */
export async function updateSafetySettings(input: SafetySettingsInput): Promise<'done' | 'invalid-lead'> {
  const viewer = await requireClinicManager();
  return getDb().transaction(async (tx) => {
    const [lead] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.safetyLeadId), eq(users.clinicId, viewer.clinicId), eq(users.role, 'clinician'), eq(users.active, true)))
      .for('update')
      .limit(1);
    if (!lead) return 'invalid-lead';
    await tx
      .update(clinics)
      .set({
        safetyLeadId: lead.id,
        escalateEmergencyMinutes: input.windows.emergency,
        escalateSameDayMinutes: input.windows['same-day'],
        escalateReviewMinutes: input.windows['24h'],
      })
      .where(eq(clinics.id, viewer.clinicId));
    await recordViewerAction(tx, viewer, {
      action: 'manager.clinic.safety-settings',
      resourceType: 'clinic',
      resourceId: viewer.clinicId,
      detail: { safetyLeadId: lead.id, windows: input.windows },
    });
    return 'done';
  });
}

export type EscalatedAlert = AlertItem & { escalatedAt: Date; windowMinutes: number; clinicianName: string };

/**
 * Clinician who is their clinic's acting safety lead: the open alerts escalated to the lead, oldest first,
 * with one audit row per view. Any other clinician: an empty list (nothing is escalated to them).
 * Other roles: AppError('forbidden').
 */
export async function listEscalatedAlerts(): Promise<EscalatedAlert[]> {
  const viewer = await requireRole('clinician');
  if (!(await actingLead(viewer))) return [];
  const db = getDb();
  const patient = alias(users, 'patient');
  const clinician = alias(users, 'clinician');
  const rows = await db
    .select({
      id: alerts.id,
      episodeId: alerts.episodeId,
      patientId: episodes.patientId,
      patientName: patient.name,
      clinicianName: clinician.name,
      reason: alerts.reason,
      urgency: alerts.urgency,
      message: alerts.message,
      detail: alerts.detail,
      raisedAt: alerts.raisedAt,
      escalatedAt: alertEscalations.escalatedAt,
      windowMinutes: alertEscalations.windowMinutes,
    })
    .from(alertEscalations)
    .innerJoin(alerts, eq(alerts.id, alertEscalations.alertId))
    .innerJoin(episodes, eq(episodes.id, alerts.episodeId))
    .innerJoin(patient, eq(patient.id, episodes.patientId))
    .innerJoin(clinician, eq(clinician.id, episodes.clinicianId))
    .where(
      and(
        eq(alertEscalations.clinicId, viewer.clinicId),
        eq(episodes.clinicId, viewer.clinicId),
        isNull(alerts.acknowledgedAt),
        isNull(alerts.resolvedAt),
      ),
    )
    .orderBy(sql`case ${alerts.urgency} when 'emergency' then 1 when 'same-day' then 2 when '24h' then 3 else 4 end`, alerts.raisedAt);
  await recordViewerAction(db, viewer, { action: 'clinician.escalations.read', resourceType: 'alert-inbox', detail: { escalated: rows.length } });
  return rows.map((row) => ({
    ...row,
    acknowledgedAt: null,
    acknowledgedByName: null,
    acknowledgeComment: null,
    resolvedAt: null,
  }));
}

type EscalatedAlertFacts = { alertId: string; episodeId: string; patientId: string; clinicId: string; clinicianId: string; status: 'active' | 'discharged'; reason: string };

/** Unscoped: an open, escalated alert of the viewer's clinic; callers check the acting lead. */
async function loadOpenEscalatedAlert(alertId: string, clinicId: string): Promise<EscalatedAlertFacts | null> {
  const [row] = await getDb()
    .select({
      alertId: alerts.id,
      episodeId: episodes.id,
      patientId: episodes.patientId,
      clinicId: episodes.clinicId,
      clinicianId: episodes.clinicianId,
      status: episodes.status,
      reason: alerts.reason,
    })
    .from(alertEscalations)
    .innerJoin(alerts, eq(alerts.id, alertEscalations.alertId))
    .innerJoin(episodes, eq(episodes.id, alerts.episodeId))
    .where(
      and(
        eq(alertEscalations.alertId, alertId),
        eq(alertEscalations.clinicId, clinicId),
        eq(episodes.clinicId, clinicId),
        isNull(alerts.acknowledgedAt),
        isNull(alerts.resolvedAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * Clinician who is the acting safety lead: access to the record of `episodeId` for the open alert
 * `alertId` escalated to the lead, which must be on that episode. Anyone else, an alert not escalated,
 * already closed or on another episode: null, with the refusal audited as an escalation access.
 * Other roles: AppError('forbidden'). The caller audits the read itself ('clinician.record.escalation-read').
 */
export async function getEscalationAccess(episodeId: string, alertId: string): Promise<ClinicianEpisodeAccess | null> {
  const viewer = await requireRole('clinician');
  const action = 'clinician.record.escalation-read';
  if (!isUuid(episodeId) || !isUuid(alertId)) return null;
  const alert = (await actingLead(viewer)) ? await loadOpenEscalatedAlert(alertId, viewer.clinicId) : null;
  if (!alert || alert.episodeId !== episodeId) {
    await recordDenied(viewer, action, { type: 'alert', id: alertId });
    return null;
  }
  return {
    viewer,
    episode: { id: alert.episodeId, clinicId: alert.clinicId, patientId: alert.patientId, clinicianId: alert.clinicianId, status: alert.status },
  };
}

/**
 * For acknowledgeAlert: the patient of an open alert escalated to the viewer as acting safety lead, or
 * null when the viewer is not the acting lead or the alert is not escalated and open.
 */
export async function escalatedAlertForLead(viewer: Viewer, alertId: string): Promise<{ patientId: string; reason: string } | null> {
  if (!(await actingLead(viewer))) return null;
  const alert = await loadOpenEscalatedAlert(alertId, viewer.clinicId);
  return alert ? { patientId: alert.patientId, reason: alert.reason } : null;
}
