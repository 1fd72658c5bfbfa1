/**
 * The audit writer. No `server-only` marker: the system jobs that write audit rows outside a request
 * (the escalation engine, run by `npm run alerts:evaluate` and by the demo seed) load it in plain
 * Node. The lint rule that closes lib/audit to app/ and components/ keeps it off the client.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/connection';
import { auditFieldsJson, auditHash, type ChainedEvent } from './fields';

export { auditFieldsJson, auditHash };

export type AuditEvent = ChainedEvent & { outcome: 'success' | 'denied' | 'failure' };

/**
 * Appends one audit row, chained to the previous one. Call it with the transaction of the change it
 * records so both commit or neither does.
 * - With the database handle (no transaction): one statement, audit_append() (migration 0002): the
 *   chain lock, the read of the previous hash and the insert with its sha256, all in the database.
 * - With a transaction: the row goes to audit_pending and is chained while that transaction commits
 *   (a deferred trigger, migration 0004), so the chain lock is never held while the application is
 *   still busy with the rest of its transaction. The chain is in commit order.
 */
export async function recordAudit(executor: Db | Tx, event: AuditEvent): Promise<void> {
  // Millisecond precision so the timestamp read back from PostgreSQL hashes identically.
  const at = new Date(Math.floor(Date.now()));
  const values = sql`${at.toISOString()}::timestamptz, ${event.clinicId ?? null}::uuid, ${event.actorId ?? null}::uuid,
    ${event.actorRole ?? null}::text, ${event.action}::text, ${event.patientId ?? null}::uuid,
    ${event.resourceType ?? null}::text, ${event.resourceId ?? null}::text, ${event.outcome}::audit_outcome,
    ${event.clientAddress ?? null}::text, ${event.detail ? JSON.stringify(event.detail) : null}::jsonb,
    ${auditFieldsJson(at, event)}::text`;
  if (isTransaction(executor)) {
    await executor.execute(sql`insert into audit_pending (at, clinic_id, actor_id, actor_role, action, patient_id,
      resource_type, resource_id, outcome, client_address, detail, fields_json) values (${values})`);
  } else {
    await executor.execute(sql`select audit_append(${values})`);
  }
}

function isTransaction(executor: Db | Tx): executor is Tx {
  return typeof (executor as Partial<Tx>).rollback === 'function';
}
