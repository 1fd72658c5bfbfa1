/**
 * The audit chain's head, anchored outside the audit table. The chain alone proves that no row was
 * changed, removed or inserted between two others, but someone with write access to the database can
 * delete the newest rows, or rewrite rows and recompute every hash after them, and the chain still
 * verifies. So the head (newest id and hash) is written out at intervals (every `npm run audit:verify`
 * and every scheduled `npm run alerts:evaluate`) to a file outside the database, each line signed with
 * an HMAC whose key is kept outside the database too. Verification then requires every anchored row
 * to be present with the hash it had: a deleted newest row or a recomputed chain fails. Rows written
 * after the last anchor are covered from the next anchor on. No `server-only` marker: scripts use it.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { desc, inArray, isNotNull } from 'drizzle-orm';
import { dataDir, type Db } from '@/db/connection';
import { auditEvents } from '@/db/schema';

export type AnchorConfig = { file: string; key: Buffer };
export type Anchor = { id: number; hash: string; at: string; mac: string };
export type AnchorReport = { anchors: number; problem: string | null; badAnchorId: number | null };

/**
 * The anchor file (AUDIT_ANCHOR_FILE, else audit-anchors.jsonl in the data folder) and key
 * (AUDIT_ANCHOR_KEY, at least 32 characters, else derived from AUTH_SECRET). Null without either key:
 * then only the chain itself is checked.
 */
export function anchorConfigFromEnv(env: Record<string, string | undefined> = process.env): AnchorConfig | null {
  const file = env.AUDIT_ANCHOR_FILE ?? path.join(dataDir(), 'audit-anchors.jsonl');
  if (env.AUDIT_ANCHOR_KEY) {
    if (env.AUDIT_ANCHOR_KEY.length < 32) throw new Error('AUDIT_ANCHOR_KEY must be at least 32 characters');
    return { file, key: Buffer.from(env.AUDIT_ANCHOR_KEY, 'utf8') };
  }
  if (env.AUTH_SECRET) return { file, key: Buffer.from(hkdfSync('sha256', env.AUTH_SECRET, 'uplift', 'audit chain anchor', 32)) };
  return null;
}

function mac(key: Buffer, id: number, hash: string, at: string): string {
  return createHmac('sha256', key).update(`${id}\n${hash}\n${at}`).digest('hex');
}

/** Appends the current head to the anchor file. Nothing to anchor in an empty trail. */
export async function writeAnchor(db: Db, config: AnchorConfig): Promise<Anchor | null> {
  const [head] = await db.select({ id: auditEvents.id, hash: auditEvents.hash }).from(auditEvents).where(isNotNull(auditEvents.hash)).orderBy(desc(auditEvents.id)).limit(1);
  if (!head?.hash) return null;
  const at = new Date().toISOString();
  const hash = head.hash;
  const anchor: Anchor = { id: head.id, hash, at, mac: mac(config.key, head.id, hash, at) };
  mkdirSync(path.dirname(config.file), { recursive: true });
  appendFileSync(config.file, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
  return anchor;
}

/** Every anchor must be signed with the key and name a row that is still there with the same hash. */
export async function checkAnchors(db: Db, config: AnchorConfig): Promise<AnchorReport> {
  if (!existsSync(config.file)) return { anchors: 0, problem: null, badAnchorId: null };
  const anchors: Anchor[] = [];
  for (const [index, line] of readFileSync(config.file, 'utf8').split('\n').entries()) {
    if (!line.trim()) continue;
    let anchor: Anchor;
    try {
      anchor = JSON.parse(line) as Anchor;
    } catch {
      return { anchors: anchors.length, problem: `anchor line ${index + 1} cannot be read`, badAnchorId: null };
    }
    const expected = Buffer.from(mac(config.key, anchor.id, anchor.hash, anchor.at), 'hex');
    const given = Buffer.from(String(anchor.mac), 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { anchors: anchors.length, problem: `anchor line ${index + 1} is not signed with the anchor key (forged or the key changed)`, badAnchorId: anchor.id ?? null };
    }
    anchors.push(anchor);
  }
  const ids = [...new Set(anchors.map((anchor) => anchor.id))];
  const rows = new Map<number, string>();
  for (let start = 0; start < ids.length; start += 1000) {
    const page = await db.select({ id: auditEvents.id, hash: auditEvents.hash }).from(auditEvents).where(inArray(auditEvents.id, ids.slice(start, start + 1000)));
    for (const row of page) rows.set(row.id, row.hash ?? '');
  }
  for (const anchor of anchors) {
    const hash = rows.get(anchor.id);
    if (hash === undefined) return { anchors: anchors.length, problem: `row ${anchor.id}, anchored at ${anchor.at}, is gone (the newest rows were deleted)`, badAnchorId: anchor.id };
    if (hash !== anchor.hash) return { anchors: anchors.length, problem: `row ${anchor.id} no longer has the hash anchored at ${anchor.at} (the chain was recomputed)`, badAnchorId: anchor.id };
  }
  return { anchors: anchors.length, problem: null, badAnchorId: null };
}
