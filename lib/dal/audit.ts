import 'server-only';
import { desc, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { auditHash } from './audit-chain';

export { auditHash };

export type AuditEvent = {
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  actorId?: string | null;
  actorRole?: string | null;
  clinicId?: string | null;
  patientId?: string | null;
  resourceType?: string | null;
  resourceId?: string | null;
  clientAddress?: string | null;
  /** Ids and codes only: never health data or secrets. */
  detail?: Record<string, unknown> | null;
};

// Serialises writers of the hash chain; held only until the surrounding transaction ends.
const AUDIT_CHAIN_LOCK = 727_001;

/**
 * Appends one audit row, chained to the previous one. Call it with the transaction of the change
 * it records so both commit or neither does.
 */
export async function recordAudit(executor: Db | Tx, event: AuditEvent): Promise<void> {
  const write = async (tx: Db | Tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    const [last] = await tx
      .select({ hash: auditEvents.hash })
      .from(auditEvents)
      .orderBy(desc(auditEvents.id))
      .limit(1);
    const prevHash = last?.hash ?? null;
    // Millisecond precision so the timestamp read back from PostgreSQL hashes identically.
    const at = new Date(Math.floor(Date.now()));
    await tx.insert(auditEvents).values({
      at,
      clinicId: event.clinicId ?? null,
      actorId: event.actorId ?? null,
      actorRole: event.actorRole ?? null,
      action: event.action,
      patientId: event.patientId ?? null,
      resourceType: event.resourceType ?? null,
      resourceId: event.resourceId ?? null,
      outcome: event.outcome,
      clientAddress: event.clientAddress ?? null,
      detail: event.detail ?? null,
      prevHash,
      hash: auditHash(prevHash, at, event),
    });
  };
  if ('rollback' in executor) await write(executor);
  else await executor.transaction(write);
}
