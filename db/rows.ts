import type { SQL } from 'drizzle-orm';
import type { Db, Tx } from './connection';

/**
 * Runs raw SQL and returns its rows on either driver: postgres.js answers with an array,
 * PGlite with `{ rows }`. Numeric and bigint columns arrive as strings on postgres.js; cast
 * them in SQL (`::int`, `::float8`) so both drivers return numbers.
 */
export async function executeRows<T extends Record<string, unknown>>(executor: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
