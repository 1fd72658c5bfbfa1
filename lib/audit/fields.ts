/**
 * The text each audit row's hash covers. No `server-only` marker: scripts (chain verification,
 * the audit cost benchmark) use it outside the server. The database's audit_append() hashes
 * '["' || previous hash || '",' || auditFieldsJson(...) without its "[" — the same text as auditHash.
 */
import { createHash } from 'node:crypto';

export type ChainedEvent = {
  action: string;
  outcome: string;
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

/** JSON with object keys sorted at every level: jsonb does not keep key order, the hash must. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** The row's chained fields as a JSON array, without the previous hash (the database prepends it). */
export function auditFieldsJson(at: Date, event: ChainedEvent): string {
  return JSON.stringify([
    at.toISOString(),
    event.clinicId ?? null,
    event.actorId ?? null,
    event.actorRole ?? null,
    event.action,
    event.patientId ?? null,
    event.resourceType ?? null,
    event.resourceId ?? null,
    event.outcome,
    event.clientAddress ?? null,
    canonical(event.detail ?? null),
  ]);
}

/** sha256 of JSON [previous hash or "", ...fields]; the same text audit_append() hashes in SQL. */
export function auditHash(prevHash: string | null, at: Date, event: ChainedEvent): string {
  return createHash('sha256')
    .update(`["${prevHash ?? ''}",${auditFieldsJson(at, event).slice(1)}`)
    .digest('hex');
}
