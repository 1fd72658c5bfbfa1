import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { auditFieldsJson, auditHash, type ChainedEvent } from './audit-fields';

export { auditFieldsJson, auditHash };

export type AuditEvent = ChainedEvent & { outcome: 'success' | 'denied' | 'failure' };

/**
 * Appends one audit row, chained to the previous one. Call it with the transaction of the change
 * it records so both commit or neither does. The chain lock, the read of the previous hash and the
 * insert happen in one statement (the audit_append function, migration 0002), so the lock is never
 * held while Node is busy elsewhere; inside a caller's transaction it is held until that commits,
 * so record the audit row last.
 */
export async function recordAudit(executor: Db | Tx, event: AuditEvent): Promise<void> {
  // Millisecond precision so the timestamp read back from PostgreSQL hashes identically.
  const at = new Date(Math.floor(Date.now()));
  await executor.execute(sql`select audit_append(
    ${at.toISOString()}::timestamptz, ${event.clinicId ?? null}::uuid, ${event.actorId ?? null}::uuid,
    ${event.actorRole ?? null}::text, ${event.action}::text, ${event.patientId ?? null}::uuid,
    ${event.resourceType ?? null}::text, ${event.resourceId ?? null}::text, ${event.outcome}::audit_outcome,
    ${event.clientAddress ?? null}::text, ${event.detail ? JSON.stringify(event.detail) : null}::jsonb,
    ${auditFieldsJson(at, event)}::text
  )`);
}
