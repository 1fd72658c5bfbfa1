import { asc, gt, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { executeRows } from '@/db/rows';
import { auditEvents } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { auditHash, recordAudit, type AuditEvent } from './record';

const db = setupTestDatabase();

async function rowsAfter(id: number) {
  return db().select().from(auditEvents).where(gt(auditEvents.id, id)).orderBy(asc(auditEvents.id));
}

async function lastId(): Promise<number> {
  const rows = await db().select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id));
  return rows.at(-1)?.id ?? 0;
}

/** Every row links to the one before and its hash is auditHash of its own fields (what a verifier recomputes). */
function expectIntactChain(rows: Awaited<ReturnType<typeof rowsAfter>>, previous: string | null) {
  let prevHash = previous;
  for (const row of rows) {
    expect(row.prevHash ?? null).toBe(prevHash);
    const event: AuditEvent = { ...row, outcome: row.outcome, detail: row.detail ?? null };
    expect(row.hash).toBe(auditHash(prevHash, row.at, event));
    prevHash = row.hash;
  }
}

describe('recordAudit', () => {
  it('chains each row to the previous one with the hash the verifier recomputes', async () => {
    const before = await lastId();
    const [previous] = before ? await db().select({ hash: auditEvents.hash }).from(auditEvents).where(gt(auditEvents.id, before - 1)) : [];
    await recordAudit(db(), { action: 'test.one', outcome: 'success', actorRole: 'clinician', clientAddress: '127.0.0.1' });
    // Keys out of order and nested: jsonb reorders them, the hash must not depend on it.
    await recordAudit(db(), { action: 'test.two', outcome: 'denied', detail: { zeta: 1, alpha: { y: 'quote " and \\ slash', b: [2, 1] } } });
    await db().transaction(async (tx) => recordAudit(tx, { action: 'test.three', outcome: 'failure', resourceType: 'episode', resourceId: 'ünïcode ✓' }));
    const rows = await rowsAfter(before);
    expect(rows.map((row) => row.action)).toEqual(['test.one', 'test.two', 'test.three']);
    expectIntactChain(rows, previous?.hash ?? null);
  });

  it('keeps one unbroken chain when many requests audit at once', async () => {
    const before = await lastId();
    const [previous] = await db().select({ hash: auditEvents.hash }).from(auditEvents).where(gt(auditEvents.id, before - 1));
    await Promise.all(Array.from({ length: 30 }, (_, i) => recordAudit(db(), { action: `test.parallel.${i}`, outcome: 'success' })));
    const rows = await rowsAfter(before);
    expect(rows).toHaveLength(30);
    expectIntactChain(rows, previous?.hash ?? null);
  });

  it('chains rows written in transactions when each commits, in commit order, leaving nothing pending', async () => {
    const before = await lastId();
    const [previous] = await db().select({ hash: auditEvents.hash }).from(auditEvents).where(gt(auditEvents.id, before - 1));
    // Transactions that audit first and keep working afterwards: the chain lock must not be held meanwhile.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db().transaction(async (tx) => {
          await recordAudit(tx, { action: `test.in-transaction.${i}`, outcome: 'success', detail: { i } });
          await tx.execute(sql`select pg_sleep(0.005)`);
          if (i % 2 === 0) await recordAudit(tx, { action: `test.in-transaction.${i}.second`, outcome: 'success' });
        }),
      ),
    );
    const rows = await rowsAfter(before);
    expect(rows).toHaveLength(30);
    expectIntactChain(rows, previous?.hash ?? null);
    // Both rows of one transaction are appended together, in the order they were recorded.
    for (let i = 0; i < 20; i += 2) {
      const first = rows.findIndex((row) => row.action === `test.in-transaction.${i}`);
      expect(rows[first + 1]!.action).toBe(`test.in-transaction.${i}.second`);
    }
    const [pending] = await executeRows<{ n: number }>(db(), sql`select count(*)::int as n from audit_pending`);
    expect(pending!.n).toBe(0);
  });

  it('writes nothing when the surrounding transaction rolls back', async () => {
    const before = await lastId();
    await expect(
      db().transaction(async (tx) => {
        await recordAudit(tx, { action: 'test.rolled-back', outcome: 'success' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rowsAfter(before)).toHaveLength(0);
  });
});
