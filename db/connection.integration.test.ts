import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type DatabaseHandle } from './connection';
import { executeRows } from './rows';
import { createTestDatabase } from './testing';

describe('statements on the configured database', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('answers parameterised queries the same inside and outside transactions and savepoints', async () => {
    const probe = sql`select ${'uplift-probe'}::text as marker, ${7}::int as n`;
    expect(await executeRows(handle.db, probe)).toEqual([{ marker: 'uplift-probe', n: 7 }]);
    const inside = await handle.db.transaction(async (tx) => {
      const outer = await executeRows(tx, probe);
      const nested = await tx.transaction(async (inner) => executeRows(inner, sql`select ${'uplift-nested'}::text as marker`));
      return [...outer, ...nested];
    });
    expect(inside).toEqual([{ marker: 'uplift-probe', n: 7 }, { marker: 'uplift-nested' }]);
  });

  // CI's second run (DATABASE_URL set): each query is a named statement the connection keeps, so it is
  // described once per connection instead of in an extra round trip every time. PGlite runs in-process.
  it('on PostgreSQL, keeps drizzle queries as named statements on the connection', async () => {
    const kept = await handle.db.transaction(async (tx) => {
      await executeRows(tx, sql`select ${'uplift-kept'}::text as marker`);
      await tx.transaction(async (inner) => executeRows(inner, sql`select ${'uplift-kept'}::text as nested_marker`));
      return executeRows<{ statement: string }>(tx, sql`select statement from pg_prepared_statements`);
    });
    const statements = kept.map((row) => row.statement);
    if (handle.kind === 'pglite') {
      expect(handle.kind).toBe('pglite');
      return;
    }
    expect(statements).toContain('select $1::text as marker');
    expect(statements).toContain('select $1::text as nested_marker');
  });

  // A page's statement that runs past 15 s is a fault; the bench's clean-up (a VACUUM of two million pain
  // entries on a cold cache) is not, and asks for no timeout.
  it('on PostgreSQL, stops statements after 15 s unless the caller asks for no timeout', async () => {
    const url = process.env.DATABASE_URL;
    if (handle.kind === 'pglite' || !url) {
      expect(handle.kind).toBe('pglite');
      return;
    }
    const [page] = await executeRows<{ statement_timeout: string }>(handle.db, sql`show statement_timeout`);
    expect(page?.statement_timeout).toBe('15s');
    const maintenance = openPostgres(url, { max: 1, statementTimeoutMs: 0 });
    try {
      const [row] = await executeRows<{ statement_timeout: string }>(maintenance.db, sql`show statement_timeout`);
      expect(row?.statement_timeout).toBe('0');
    } finally {
      await maintenance.close();
    }
  });
});
