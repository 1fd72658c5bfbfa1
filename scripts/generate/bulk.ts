/**
 * Bulk inserts that are fast on both drivers. Each column travels as ONE text parameter in
 * PostgreSQL array syntax and the rows are rebuilt with `unnest`, so a batch of 20,000 rows is
 * one statement with one parameter per column: no 65,535-parameter limit, no per-row round trip,
 * and PGlite (in-process, single-threaded) parses one message instead of thousands.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection';

export type ColumnType =
  | 'uuid'
  | 'text'
  | 'int2'
  | 'int4'
  | 'float8'
  | 'bool'
  | 'date'
  | 'timestamptz'
  | 'jsonb'
  | 'text[]'
  | 'role'
  | 'episode_status'
  | 'exercise_log_status'
  | 'skip_reason'
  | 'instrument'
  | 'response_status'
  | 'goal_status'
  | 'alert_reason'
  | 'alert_urgency';

export type Value = string | number | boolean | Date | null | undefined | readonly string[] | Record<string, unknown>;

const NEEDS_ESCAPE = /["\\]/;

/** One element of a PostgreSQL array literal. Text is quoted, so commas, braces and spaces are safe. */
function element(value: Value): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  let text: string;
  if (Array.isArray(value)) text = `{${value.map((item) => element(item as string)).join(',')}}`;
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = value as string;
  return NEEDS_ESCAPE.test(text) ? `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : `"${text}"`;
}

/** Rows for one table, stored column by column as array-literal elements. */
export class Batch {
  private readonly values: string[][];
  length = 0;

  constructor(
    readonly table: string,
    readonly columns: ReadonlyArray<readonly [name: string, type: ColumnType]>,
  ) {
    this.values = columns.map(() => []);
  }

  add(row: ReadonlyArray<Value>): void {
    for (let i = 0; i < this.columns.length; i += 1) this.values[i]!.push(element(row[i]));
    this.length += 1;
  }

  /** Inserts every buffered row in one statement and empties the batch. Returns the row count. */
  async flush(executor: Db | Tx): Promise<number> {
    if (this.length === 0) return 0;
    const names = this.columns.map(([name]) => name);
    const aliases = this.columns.map((_, i) => `c${i}`);
    // text[] columns travel as text elements ("{a,b}") and are cast back per row.
    const select = this.columns.map(([, type], i) => (type === 'text[]' ? `c${i}::text[]` : `c${i}`));
    const parts = [sql.raw(`insert into ${this.table} (${names.join(', ')}) select ${select.join(', ')} from unnest(`)];
    this.columns.forEach(([, type], i) => {
      const arrayType = type === 'text[]' ? 'text' : type;
      parts.push(sql`${`{${this.values[i]!.join(',')}}`}`, sql.raw(`::${arrayType}[]${i < this.columns.length - 1 ? ', ' : ''}`));
    });
    parts.push(sql.raw(`) as u(${aliases.join(', ')})`));
    await executor.execute(sql.join(parts, sql.raw('')));
    const inserted = this.length;
    for (const column of this.values) column.length = 0;
    this.length = 0;
    return inserted;
  }
}
