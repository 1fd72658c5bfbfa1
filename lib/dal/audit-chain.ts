/**
 * The audit trail's hash chain: each row's hash covers its fields and the previous row's hash, so
 * changing, removing or inserting a row breaks every hash after it. No `server-only` marker:
 * scripts/audit-verify.ts runs it outside the server.
 */
import { createHash } from 'node:crypto';
import { asc, gt } from 'drizzle-orm';
import type { Db } from '@/db/connection';
import { auditEvents } from '@/db/schema';

export type ChainedFields = {
  action: string;
  outcome: string;
  actorId?: string | null;
  actorRole?: string | null;
  clinicId?: string | null;
  patientId?: string | null;
  resourceType?: string | null;
  resourceId?: string | null;
  clientAddress?: string | null;
  detail?: Record<string, unknown> | null;
};

/** JSON with object keys sorted at every level: jsonb does not keep key order. */
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

export function auditHash(prevHash: string | null, at: Date, event: ChainedFields): string {
  const fields = JSON.stringify([
    prevHash ?? '',
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
  return createHash('sha256').update(fields).digest('hex');
}

export type ChainReport = { rows: number; firstBadId: number | null; problem: string | null };

/** Walks the whole trail in id order, in pages, and reports the first row that does not verify. */
export async function verifyAuditChain(db: Db, pageSize = 5_000): Promise<ChainReport> {
  let prevHash: string | null = null;
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const page = await db.select().from(auditEvents).where(gt(auditEvents.id, lastId)).orderBy(asc(auditEvents.id)).limit(pageSize);
    if (page.length === 0) return { rows, firstBadId: null, problem: null };
    for (const row of page) {
      rows += 1;
      if ((row.prevHash ?? null) !== prevHash) return { rows, firstBadId: row.id, problem: 'previous-hash link broken (a row was removed, inserted or reordered)' };
      const expected = auditHash(prevHash, row.at, { ...row, detail: row.detail ?? null });
      if (row.hash !== expected) return { rows, firstBadId: row.id, problem: 'hash does not match the row (the row was altered)' };
      prevHash = row.hash;
      lastId = row.id;
    }
  }
}
