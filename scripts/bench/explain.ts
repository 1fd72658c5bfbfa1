/**
 * What PostgreSQL did for each page: during one request per route, auto_explain logs every
 * statement with EXPLAIN ANALYZE; this reads those plans back from the server log and keeps
 * what matters (time, rows, which index or sequential scan each table was read with).
 * Only on the bench's own cluster, whose log file we know and whose settings we may change.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';

export type PlannedStatement = { query: string; ms: number; rows: number; scans: string[]; seqScans: string[] };

export async function setAutoExplain(db: Db, on: boolean): Promise<void> {
  if (on) {
    await db.execute(sql`alter system set auto_explain.log_min_duration = 0`);
    await db.execute(sql`alter system set auto_explain.log_analyze = on`);
    await db.execute(sql`alter system set auto_explain.log_format = 'json'`);
  } else {
    await db.execute(sql`alter system reset auto_explain.log_min_duration`);
    await db.execute(sql`alter system reset auto_explain.log_analyze`);
    await db.execute(sql`alter system reset auto_explain.log_format`);
  }
  await db.execute(sql`select pg_reload_conf()`);
  // The reload reaches the other backends asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 500));
}

export const logSize = (file: string) => statSync(file).size;

function readFrom(file: string, offset: number): string {
  const size = statSync(file).size;
  const buffer = Buffer.alloc(Math.max(0, size - offset));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; 'Actual Rows'?: number; 'Actual Loops'?: number; Plans?: PlanNode[] };

function scansOf(node: PlanNode, into: { scans: string[]; seq: string[] }) {
  if (node['Relation Name']) {
    const label = node['Index Name'] ? `${node['Node Type']} ${node['Index Name']}` : `${node['Node Type']} ${node['Relation Name']}`;
    into.scans.push(label);
    if (node['Node Type'] === 'Seq Scan') into.seq.push(`${node['Relation Name']} (${(node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1)} rows)`);
  }
  for (const child of node.Plans ?? []) scansOf(child, into);
}

/** The statements logged since `offset`, without the bench's own housekeeping. */
export function readPlans(file: string, offset: number): PlannedStatement[] {
  // Continuation lines of a log message start with a tab.
  const text = readFrom(file, offset).replace(/^\t/gm, '');
  const statements: PlannedStatement[] = [];
  const pattern = /duration: ([\d.]+) ms\s+plan:\s*\n(\{[\s\S]*?\n\})/g;
  for (const match of text.matchAll(pattern)) {
    try {
      const plan = JSON.parse(match[2]!) as { 'Query Text': string; Plan: PlanNode };
      const query = plan['Query Text'].replace(/\s+/g, ' ').trim();
      if (/auto_explain|pg_reload_conf|pg_stat_statements/.test(query)) continue;
      const found = { scans: [] as string[], seq: [] as string[] };
      scansOf(plan.Plan, found);
      statements.push({ query, ms: Number(match[1]), rows: plan.Plan['Actual Rows'] ?? 0, scans: [...new Set(found.scans)], seqScans: found.seq });
    } catch {
      // a plan split by another process's log line: skipped
    }
  }
  return statements;
}
