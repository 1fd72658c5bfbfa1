import 'server-only';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { accountClosures, clinics, episodes, invitationQueue, tokens, users } from '@/db/schema';
import { auditActor, requireClinicManager } from '@/lib/auth/viewer';
import { retentionEnd } from '@/lib/retention';
import { recordAudit } from '@/lib/audit/record';
import { isUuid } from '@/lib/validation/ids';
import { recordViewerAction } from './internal/viewer-action';
import { updateOwnClinic } from './internal/own-clinic';

/** Manager: their clinic's retention period in years. Others: AppError('forbidden'). */
export async function getRetentionYears(): Promise<number> {
  const viewer = await requireClinicManager();
  const [row] = await getDb().select({ years: clinics.retentionYears }).from(clinics).where(eq(clinics.id, viewer.clinicId));
  return row!.years;
}

/**
 * Manager: sets their clinic's retention period, recorded in the audit trail. It applies to accounts
 * closed from now on: a closure already made keeps the date it was given. Others: AppError('forbidden').
 */
export async function setRetentionYears(years: number): Promise<void> {
  const viewer = await requireClinicManager();
  await updateOwnClinic(viewer, 'manager.clinic.retention-update', { retentionYears: years }, { retentionYears: years });
}

export type PatientAccount = {
  id: string;
  name: string;
  email: string;
  dateOfBirth: string | null;
  closure: { closedAt: Date; retainUntil: Date } | null;
  episodes: { status: 'active' | 'discharged'; clinicianName: string; startedAt: Date; dischargedAt: Date | null }[];
};

/**
 * Manager: the id of the patient of their own clinic who uses `email`, for the account page. No such
 * patient in their clinic (including another clinic's patient): null. The look-up is audited either way.
 */
export async function findPatientByEmail(email: string): Promise<string | null> {
  const viewer = await requireClinicManager();
  const [row] = await getDb()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email.toLowerCase()), eq(users.clinicId, viewer.clinicId), eq(users.role, 'patient')));
  await recordAudit(getDb(), {
    action: 'manager.patient.find',
    outcome: row ? 'success' : 'failure',
    ...auditActor(viewer),
    patientId: row?.id ?? null,
    resourceType: 'user',
    resourceId: row?.id ?? null,
  });
  return row?.id ?? null;
}

/** Manager: a patient account of their own clinic with its episodes and closure. Other clinics or unknown ids: null. */
export async function getPatientAccount(userId: string): Promise<PatientAccount | null> {
  const viewer = await requireClinicManager();
  if (!isUuid(userId)) return null;
  const db = getDb();
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, dateOfBirth: users.dateOfBirth, closedAt: accountClosures.closedAt, retainUntil: accountClosures.retainUntil })
    .from(users)
    .leftJoin(accountClosures, eq(accountClosures.userId, users.id))
    .where(and(eq(users.id, userId), eq(users.clinicId, viewer.clinicId), eq(users.role, 'patient')));
  if (!row) {
    await recordAudit(db, { action: 'manager.patient.account-read', outcome: 'denied', ...auditActor(viewer), resourceType: 'user', resourceId: userId });
    return null;
  }
  const clinician = sql<string>`(select name from users c where c.id = ${episodes.clinicianId})`;
  const rows = await db
    .select({ status: episodes.status, clinicianName: clinician, startedAt: episodes.startedAt, dischargedAt: episodes.dischargedAt })
    .from(episodes)
    .where(and(eq(episodes.patientId, row.id), eq(episodes.clinicId, viewer.clinicId)))
    .orderBy(desc(episodes.startedAt));
  await recordViewerAction(db, viewer, { action: 'manager.patient.account-read', patientId: row.id, resourceType: 'user', resourceId: row.id });
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    dateOfBirth: row.dateOfBirth,
    closure: row.closedAt && row.retainUntil ? { closedAt: row.closedAt, retainUntil: row.retainUntil } : null,
    episodes: rows,
  };
}

export type CloseOutcome = { status: 'closed'; retainUntil: Date } | { status: 'not-found' | 'already-closed' | 'in-care' };

/**
 * Manager: closes a patient account of their own clinic whose care has ended. Sign-in stops at once
 * (inactive, session version bumped, unused links voided); the clinical record is kept until the
 * retention period ends, then purged by the scheduled evaluation. An episode still open: 'in-care'
 * (the clinician discharges first, so the record is complete). Other clinics or unknown ids:
 * 'not-found'. Others: AppError('forbidden').
 */
export async function closePatientAccount(userId: string, now = new Date()): Promise<CloseOutcome> {
  const viewer = await requireClinicManager();
  if (!isUuid(userId)) return { status: 'not-found' };
  const outcome = await getDb().transaction(async (tx): Promise<CloseOutcome> => {
    const [patient] = await tx
      .select({ id: users.id, dateOfBirth: users.dateOfBirth, retentionYears: clinics.retentionYears })
      .from(users)
      .innerJoin(clinics, eq(clinics.id, users.clinicId))
      .where(and(eq(users.id, userId), eq(users.clinicId, viewer.clinicId), eq(users.role, 'patient')))
      .for('update', { of: users });
    if (!patient) return { status: 'not-found' };
    const [closed] = await tx.select({ userId: accountClosures.userId }).from(accountClosures).where(eq(accountClosures.userId, userId));
    if (closed) return { status: 'already-closed' };
    const [open] = await tx.select({ id: episodes.id }).from(episodes).where(and(eq(episodes.patientId, userId), eq(episodes.status, 'active'))).limit(1);
    if (open) return { status: 'in-care' };
    const retainUntil = retentionEnd(now, patient.retentionYears, patient.dateOfBirth);
    await tx
      .update(users)
      .set({ active: false, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, userId));
    await tx.update(tokens).set({ usedAt: now }).where(and(eq(tokens.userId, userId), isNull(tokens.usedAt)));
    await tx.delete(invitationQueue).where(eq(invitationQueue.userId, userId));
    await tx.insert(accountClosures).values({ userId, clinicId: viewer.clinicId, closedAt: now, closedBy: viewer.userId, retainUntil });
    await recordViewerAction(tx, viewer, {
      action: 'manager.patient.account-close',
      patientId: userId,
      resourceType: 'user',
      resourceId: userId,
      detail: { retainUntil: retainUntil.toISOString(), retentionYears: patient.retentionYears },
    });
    return { status: 'closed', retainUntil };
  });
  if (outcome.status !== 'closed') {
    await recordAudit(getDb(), {
      action: 'manager.patient.account-close',
      outcome: outcome.status === 'not-found' ? 'denied' : 'failure',
      ...auditActor(viewer),
      resourceType: 'user',
      resourceId: userId,
      detail: { reason: outcome.status },
    });
  }
  return outcome;
}

export type ClosedAccount = { id: string; name: string; closedAt: Date; retainUntil: Date };

/** Manager: their clinic's closed accounts still within retention, soonest purge first. Others: AppError('forbidden'). */
export async function listClosedAccounts(): Promise<ClosedAccount[]> {
  const viewer = await requireClinicManager();
  const rows = await getDb()
    .select({ id: users.id, name: users.name, closedAt: accountClosures.closedAt, retainUntil: accountClosures.retainUntil })
    .from(accountClosures)
    .innerJoin(users, eq(users.id, accountClosures.userId))
    .where(eq(accountClosures.clinicId, viewer.clinicId))
    .orderBy(asc(accountClosures.retainUntil))
    .limit(200);
  await recordViewerAction(getDb(), viewer, { action: 'manager.patient.closed-list', resourceType: 'clinic', resourceId: viewer.clinicId, detail: { rows: rows.length } });
  return rows;
}
