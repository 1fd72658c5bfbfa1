import 'server-only';
import { aliasedTable, and, desc, eq, gte, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditEvents, users } from '@/db/schema';
import { requireRole } from '@/lib/auth/viewer';
import { recordAudit } from './audit';

export type AuditFilter = {
  /** Inclusive start and exclusive end, UTC. */
  from?: Date;
  to?: Date;
  /** Action prefix, e.g. "auth." or "pain-entry.read". */
  action?: string;
  outcome?: 'success' | 'denied' | 'failure';
  /** Matches the actor's or the patient's name or email (staff looking for one person). */
  person?: string;
};

export type AuditRow = {
  id: number;
  at: Date;
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  actorName: string | null;
  actorRole: string | null;
  patientName: string | null;
  resourceType: string | null;
  resourceId: string | null;
  clientAddress: string | null;
};

const actor = aliasedTable(users, 'actor');
const patient = aliasedTable(users, 'patient');

function conditions(clinicId: string, filter: AuditFilter): SQL[] {
  const where: SQL[] = [eq(auditEvents.clinicId, clinicId)];
  if (filter.from) where.push(gte(auditEvents.at, filter.from));
  if (filter.to) where.push(lt(auditEvents.at, filter.to));
  if (filter.action) where.push(sql`${auditEvents.action} like ${`${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (filter.outcome) where.push(eq(auditEvents.outcome, filter.outcome));
  if (filter.person) {
    const pattern = `%${filter.person.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(
        sql`lower(${actor.name}) like ${pattern}`,
        sql`${actor.email} like ${pattern}`,
        sql`lower(${patient.name}) like ${pattern}`,
        sql`${patient.email} like ${pattern}`,
      )!,
    );
  }
  return where;
}

async function query(clinicId: string, filter: AuditFilter, limit: number, beforeId?: number): Promise<AuditRow[]> {
  const where = conditions(clinicId, filter);
  if (beforeId) where.push(lt(auditEvents.id, beforeId));
  return getDb()
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      actorName: actor.name,
      actorRole: auditEvents.actorRole,
      patientName: patient.name,
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
  const viewer = await requireRole('manager');
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const rows = await query(viewer.clinicId, filter, limit, options.beforeId);
  await recordAudit(getDb(), {
    action: 'audit.view',
    outcome: 'success',
    actorId: viewer.userId,
    actorRole: viewer.role,
    clinicId: viewer.clinicId,
    clientAddress: viewer.clientAddress,
    detail: { rows: rows.length },
  });
  return rows;
}

export const AUDIT_EXPORT_LIMIT = 50_000;

/** Manager: their clinic's audit trail for export (at most AUDIT_EXPORT_LIMIT rows), audited. Others: forbidden. */
export async function exportAuditEvents(filter: AuditFilter): Promise<AuditRow[]> {
  const viewer = await requireRole('manager');
  const rows = await query(viewer.clinicId, filter, AUDIT_EXPORT_LIMIT);
  await recordAudit(getDb(), {
    action: 'audit.export',
    outcome: 'success',
    actorId: viewer.userId,
    actorRole: viewer.role,
    clinicId: viewer.clinicId,
    clientAddress: viewer.clientAddress,
    detail: { rows: rows.length },
  });
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
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      actorName: actor.name,
      actorRole: auditEvents.actorRole,
    })
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
