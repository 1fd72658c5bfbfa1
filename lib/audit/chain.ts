/**
 * The audit trail's hash chain: each row's hash covers its fields and the previous row's hash, so
 * changing, removing or inserting a row breaks every hash after it. No `server-only` marker:
 * scripts/audit-verify.ts runs it outside the server.
 */
import { asc, gt } from 'drizzle-orm';
import type { Db } from '@/db/connection';
import { auditEvents } from '@/db/schema';
import { auditHash } from './fields';

export { auditHash };

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
