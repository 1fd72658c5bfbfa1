import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc, eq, gte, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createClinic } from '@/db/factories';
import { auditEvents } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { recordAudit } from './record';
import { anchorConfigFromEnv, checkAnchors, writeAnchor } from './anchor';
import { auditHash, verifyAuditChain } from './chain';

const db = setupTestDatabase();
const config = () => ({ file: path.join(mkdtempSync(path.join(tmpdir(), 'uplift-anchor-')), 'anchors.jsonl'), key: Buffer.from('k'.repeat(32)) });

async function appendRows(count: number, clinicId: string) {
  for (let index = 0; index < count; index += 1) await recordAudit(db(), { action: 'test.anchor', outcome: 'success', clinicId, detail: { index } });
}

/** What someone with database rights can do: rewrite rows and recompute every hash from there on. */
async function recomputeChainFrom(id: number) {
  const rows = await db().select().from(auditEvents).where(gte(auditEvents.id, id)).orderBy(asc(auditEvents.id));
  let prevHash = rows[0]!.prevHash ?? null;
  for (const row of rows) {
    const outcome = row.id === id ? 'denied' : row.outcome;
    const hash = auditHash(prevHash, row.at, { ...row, outcome, detail: row.detail ?? null });
    await db().execute(sql`update audit_events set outcome = ${outcome}::audit_outcome, prev_hash = ${prevHash}, hash = ${hash} where id = ${row.id}`);
    prevHash = hash;
  }
}

describe('the audit chain anchored outside the database', () => {
  it('catches deleted newest rows and a recomputed chain, which the chain alone does not', async () => {
    const clinic = await createClinic(db());
    const anchors = config();
    await appendRows(4, clinic.id);
    const anchor = await writeAnchor(db(), anchors);
    expect(anchor).not.toBeNull();
    await appendRows(2, clinic.id);
    expect(await checkAnchors(db(), anchors)).toMatchObject({ anchors: 1, problem: null });

    await db().execute(sql`alter table audit_events disable trigger audit_events_no_update`);
    try {
      // 1. The newest rows deleted: the chain still verifies, the anchor does not.
      await db().delete(auditEvents).where(gte(auditEvents.id, anchor!.id));
      expect((await verifyAuditChain(db())).problem).toBeNull();
      expect(await checkAnchors(db(), anchors)).toMatchObject({ badAnchorId: anchor!.id, problem: expect.stringMatching(/gone/) });

      // 2. A row rewritten and the chain recomputed after it: the chain verifies, the anchor does not.
      const again = config();
      await appendRows(3, clinic.id);
      const [first] = await db().select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.action, 'test.anchor')).orderBy(asc(auditEvents.id)).limit(1);
      const head = await writeAnchor(db(), again);
      await recomputeChainFrom(first!.id);
      expect((await verifyAuditChain(db())).problem).toBeNull();
      expect(await checkAnchors(db(), again)).toMatchObject({ badAnchorId: head!.id, problem: expect.stringMatching(/recomputed/) });
    } finally {
      await db().execute(sql`alter table audit_events enable trigger audit_events_no_update`);
    }
  });

  it('refuses an anchor file edited without the key', async () => {
    const clinic = await createClinic(db());
    const anchors = config();
    await appendRows(1, clinic.id);
    await writeAnchor(db(), anchors);
    const line = JSON.parse(readFileSync(anchors.file, 'utf8')) as { id: number };
    writeFileSync(anchors.file, `${JSON.stringify({ ...line, id: line.id - 1 })}\n`);
    expect(await checkAnchors(db(), anchors)).toMatchObject({ problem: expect.stringMatching(/not signed/) });
    expect(await checkAnchors(db(), { ...anchors, key: Buffer.from('x'.repeat(32)) })).toMatchObject({ problem: expect.stringMatching(/not signed/) });
  });

  it('takes its key from AUDIT_ANCHOR_KEY or AUTH_SECRET, never from the database', () => {
    expect(anchorConfigFromEnv({})).toBeNull();
    expect(anchorConfigFromEnv({ AUTH_SECRET: 's'.repeat(32), AUDIT_ANCHOR_FILE: '/x/a.jsonl' })).toMatchObject({ file: '/x/a.jsonl' });
    expect(() => anchorConfigFromEnv({ AUDIT_ANCHOR_KEY: 'short' })).toThrow();
    expect(anchorConfigFromEnv({ AUDIT_ANCHOR_KEY: 'k'.repeat(32) })!.key.toString()).toBe('k'.repeat(32));
  });
});
