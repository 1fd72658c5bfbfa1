/**
 * `npx tsx scripts/bench/audit-cost.ts` (DATABASE_URL or the embedded database): what one audit row
 * costs under concurrency, for the chain as first written (lock, read, insert: three round trips
 * inside a transaction) and for audit_append() (one statement), beside a plain insert.
 * Writes real, correctly chained rows into audit_events; run it on a bench database.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openConfiguredDatabase, type Db } from '../../db/connection';
import { executeRows } from '../../db/rows';
import { auditFieldsJson } from '../../lib/audit/fields';

const SECONDS = Number(process.env.AUDIT_COST_SECONDS ?? 5);
const WORKERS = Number(process.env.AUDIT_COST_WORKERS ?? 10);
const event = { action: 'bench.audit-cost', outcome: 'success' as const, actorRole: 'clinician', detail: { bench: true } };

async function threeRoundTrips(db: Db) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727001)`);
    const [last] = await executeRows<{ hash: string | null }>(tx, sql`select hash from audit_events order by id desc limit 1`);
    const at = new Date();
    const prev = last?.hash ?? null;
    const fields = auditFieldsJson(at, event);
    const hash = createHash('sha256').update(`["${prev ?? ''}",${fields.slice(1)}`).digest('hex');
    await tx.execute(sql`insert into audit_events (at, actor_role, action, outcome, detail, prev_hash, hash)
      values (${at.toISOString()}::timestamptz, ${event.actorRole}, ${event.action}, 'success', ${JSON.stringify(event.detail)}::jsonb, ${prev}, ${hash})`);
  });
}

async function oneStatement(db: Db) {
  const at = new Date();
  await db.execute(sql`select audit_append(${at.toISOString()}::timestamptz, null, null, ${event.actorRole}::text, ${event.action}::text, null, null, null, 'success', null, ${JSON.stringify(event.detail)}::jsonb, ${auditFieldsJson(at, event)}::text)`);
}

async function plainInsert(db: Db) {
  await db.execute(sql`insert into audit_cost_baseline (at, action, detail) values (now(), ${event.action}, ${JSON.stringify(event.detail)}::jsonb)`);
}

async function run(name: string, db: Db, write: (db: Db) => Promise<void>) {
  const latencies: number[] = [];
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (Date.now() < end) {
        const started = performance.now();
        await write(db);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)]!.toFixed(1);
  console.log(`${name.padEnd(34)} ${String(Math.round(latencies.length / SECONDS)).padStart(6)} rows/s  median ${at(0.5)} ms  p95 ${at(0.95)} ms`);
}

async function main() {
  const handle = openConfiguredDatabase();
  await handle.migrate();
  await handle.db.execute(sql`create table if not exists audit_cost_baseline (id bigserial primary key, at timestamptz, action text, detail jsonb)`);
  console.log(`${handle.kind}, ${WORKERS} concurrent writers, ${SECONDS} s each`);
  await run('plain insert (no chain)', handle.db, plainInsert);
  await run('chain, 3 round trips (before)', handle.db, threeRoundTrips);
  await run('chain, audit_append() (now)', handle.db, oneStatement);
  await handle.db.execute(sql`drop table audit_cost_baseline`);
  await handle.close();
}

void main();
