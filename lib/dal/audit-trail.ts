import 'server-only';
import { aliasedTable, and, desc, eq, gte, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditEvents, clinics, users } from '@/db/schema';
import { requireClinicManager, requireRole } from '@/lib/auth/viewer';
import { recordViewerAction } from './internal/viewer-action';

export type AuditFilter = {
  /** Inclusive start and exclusive end, UTC. */
  from?: Date;
  to?: Date;
  /** Action prefix, e.g. "auth." or "pain-entry.read". */
  action?: string;
  outcome?: 'success' | 'denied' | 'failure';
  /**
   * Matches a member of staff's name or email, a patient's pseudonym (exactly), and a patient's name
   * or email only where the clinic lets managers see patients' identities.
   */
  person?: string;
};

export type AuditRow = {
  id: number;
  at: Date;
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  /** Null for a patient when the clinic shows managers pseudonyms only (then `actorPseudonym`). */
  actorName: string | null;
  actorPseudonym: string | null;
  actorRole: string | null;
  /** Null when the clinic shows managers pseudonyms only (then `patientPseudonym`). */
  patientName: string | null;
  patientPseudonym: string | null;
  resourceType: string | null;
  resourceId: string | null;
  clientAddress: string | null;
};

const actor = aliasedTable(users, 'actor');
const patient = aliasedTable(users, 'patient');

/** What happened and when: the part of an audit row every reader of the trail shows. */
const eventColumns = { id: auditEvents.id, at: auditEvents.at, action: auditEvents.action, outcome: auditEvents.outcome };

/** The pseudonym of a patient's most recent episode: what managers see instead of a name by default. */
const pseudonymOf = (userId: SQL | typeof auditEvents.patientId) =>
  sql<string | null>`(select e.pseudonym from episodes e where e.patient_id = ${userId} order by e.started_at desc limit 1)`;

function conditions(clinicId: string, filter: AuditFilter, withNames: boolean): SQL[] {
  const where: SQL[] = [eq(auditEvents.clinicId, clinicId)];
  if (filter.from) where.push(gte(auditEvents.at, filter.from));
  if (filter.to) where.push(lt(auditEvents.at, filter.to));
  if (filter.action) where.push(sql`${auditEvents.action} like ${`${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (filter.outcome) where.push(eq(auditEvents.outcome, filter.outcome));
  if (filter.person) {
    const pattern = `%${filter.person.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const byPseudonym = sql`exists (select 1 from episodes e where e.patient_id in (${auditEvents.patientId}, ${auditEvents.actorId}) and lower(e.pseudonym) = ${filter.person.toLowerCase()})`;
    where.push(
      withNames
        ? or(
            sql`lower(${actor.name}) like ${pattern}`,
            sql`${actor.email} like ${pattern}`,
            sql`lower(${patient.name}) like ${pattern}`,
            sql`${patient.email} like ${pattern}`,
            byPseudonym,
          )!
        : // Pseudonymity: a patient's name or email must not be searchable, or a manager could test guesses.
          or(and(ne(actor.role, 'patient'), or(sql`lower(${actor.name}) like ${pattern}`, sql`${actor.email} like ${pattern}`)), byPseudonym)!,
    );
  }
  return where;
}

async function managersSeeNames(clinicId: string): Promise<boolean> {
  const [clinic] = await getDb().select({ value: clinics.managersSeePatientIdentity }).from(clinics).where(eq(clinics.id, clinicId));
  return clinic?.value ?? false;
}

async function query(clinicId: string, filter: AuditFilter, limit: number, beforeId?: number): Promise<AuditRow[]> {
  const withNames = await managersSeeNames(clinicId);
  const where = conditions(clinicId, filter, withNames);
  if (beforeId) where.push(lt(auditEvents.id, beforeId));
  return getDb()
    .select({
      ...eventColumns,
      actorName: withNames ? actor.name : sql<string | null>`case when ${actor.role} = 'patient' then null else ${actor.name} end`,
      actorPseudonym: withNames ? sql<null>`null` : sql<string | null>`case when ${actor.role} = 'patient' then ${pseudonymOf(sql`${auditEvents.actorId}`)} end`,
      actorRole: auditEvents.actorRole,
      patientName: withNames ? patient.name : sql<null>`null`,
      patientPseudonym: withNames ? sql<null>`null` : pseudonymOf(auditEvents.patientId),
      resourceType: auditEvents.resourceType,
      resourceId: auditEvents.resourceId,
      clientAddress: auditEvents.clientAddress,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorId))
    .leftJoin(patient, eq(patient.id, auditEvents.patientId))
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}

/**
 * Manager: their clinic's audit trail, newest first, a page at a time (`beforeId` for the next
 * page). Viewing it is itself audited. Other roles: AppError('forbidden').
 */
export async function listAuditEvents(filter: AuditFilter, options: { limit?: number; beforeId?: number } = {}): Promise<AuditRow[]> {
  const viewer = await requireClinicManager();
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const rows = await query(viewer.clinicId, filter, limit, options.beforeId);
  await recordViewerAction(getDb(), viewer, { action: 'audit.view', detail: { rows: rows.length } });
  return rows;
}

export const AUDIT_EXPORT_LIMIT = 50_000;

/** Manager: their clinic's audit trail for export (at most AUDIT_EXPORT_LIMIT rows), audited. Others: forbidden. */
export async function exportAuditEvents(filter: AuditFilter): Promise<AuditRow[]> {
  const viewer = await requireClinicManager();
  const rows = await query(viewer.clinicId, filter, AUDIT_EXPORT_LIMIT);
  await recordViewerAction(getDb(), viewer, { action: 'audit.export', detail: { rows: rows.length } });
  return rows;
}

export type RecordAccess = { id: number; at: Date; action: string; outcome: string; actorName: string | null; actorRole: string | null };

/**
 * Patient: who else viewed or changed their record (most recent first), from the audit trail.
 * Their own actions are left out. Other roles: AppError('forbidden').
 */
export async function listMyRecordAccess(limit = 100): Promise<RecordAccess[]> {
  const viewer = await requireRole('patient');
  return getDb()
    .select({ ...eventColumns, actorName: actor.name, actorRole: auditEvents.actorRole })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.patientId, viewer.userId),
        eq(auditEvents.clinicId, viewer.clinicId),
        or(ne(auditEvents.actorId, viewer.userId), sql`${auditEvents.actorId} is null`),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(Math.min(Math.max(limit, 1), 500));
}
