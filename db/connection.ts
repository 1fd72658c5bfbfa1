/**
 * Opens the database: PostgreSQL through postgres.js when DATABASE_URL is set, otherwise an
 * embedded PGlite persisted in the data folder. Both expose the same Drizzle API and run the
 * same migrations. This module has no `server-only` marker so scripts and tests can use it;
 * application code goes through db/client.ts.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { installDatabaseErrorRedaction } from './errors';
import * as schema from './schema';

// Before any query can fail: drizzle's own error would carry every bound value into the logs.
installDatabaseErrorRedaction();

export type Db = PostgresJsDatabase<typeof schema>;
/** The transaction handle Drizzle passes to `db.transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Plain SQL on the handle's own driver, for libraries that bring their own statements (the job queue).
 * Without values the text may hold several statements; their rows are returned together.
 */
export type RawExecutor = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export type DatabaseHandle = {
  db: Db;
  kind: 'postgres' | 'pglite';
  executeSql: RawExecutor;
  migrate: () => Promise<void>;
  close: () => Promise<void>;
};

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.UPLIFT_DATA_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), '.data'));
}

export function pgliteDir(): string {
  return path.join(dataDir(), 'pglite');
}

/**
 * drizzle's postgres.js driver runs every query it was not given a name for as an unnamed statement,
 * and postgres.js sends a parameterised unnamed statement in two round trips: describe it, wait for
 * the answer, then run it. Under load each wait is also a turn of a busy event loop. Asking for a
 * named statement instead (postgres.js keeps them per connection, keyed by text and types) costs the
 * two round trips once per connection and one after that. A named statement also lets PostgreSQL
 * keep a generic plan after five runs when that plan is no worse than one made for the parameters
 * (its default `plan_cache_mode`): planning was most of the database time of the short statements
 * (0.1–0.2 ms to plan, 0.03 ms to run the viewer's lookup). Statements whose generic plan would be
 * worse, such as the caseload's, are still planned for their parameters every time.
 */
export function preparedByDefault(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, parameters?: postgres.ParameterOrJSON<never>[], queryOptions?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, parameters, { ...queryOptions, prepare: true });
      }
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const callback = args.pop() as (tx: postgres.Sql) => unknown;
          const method = Reflect.get(target, property, target) as (...inner: unknown[]) => unknown;
          return method(...args, (tx: postgres.Sql) => callback(preparedByDefault(tx)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/**
 * `statementTimeoutMs` is 15 s unless given: a page's statement that runs longer is a fault. Maintenance
 * scripts (the bench's clean-up and VACUUM of a two-million-row table) pass 0 for none.
 */
export function openPostgres(url: string, options: { max?: number; statementTimeoutMs?: number; applicationName?: string } = {}): DatabaseHandle {
  const client = postgres(url, {
    max: options.max ?? 10,
    // Fail in seconds, not minutes, when the database is unreachable (SECURITY.md: faults).
    connect_timeout: 5,
    idle_timeout: 30,
    // JIT off: the pages run many short index-probe queries; on a large estimate (the clinic outcomes over
    // 10 000 episodes) PostgreSQL spent ~1.2 s compiling a plan that then ran in ~0.2 s.
    connection: { statement_timeout: options.statementTimeoutMs ?? 15_000, application_name: options.applicationName ?? 'uplift', jit: 'off' },
    onnotice: () => {},
  });
  const db = drizzlePostgres(preparedByDefault(client), { schema });
  return {
    db,
    kind: 'postgres',
    executeSql: async (text, values) => {
      if (values?.length) {
        // node-postgres, which the queue was written for, sends undefined as null and a plain object as
        // JSON; postgres.js refuses the one and wants text for the other.
        const parameters = values.map((value) => (value === undefined ? null : value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value) && !Buffer.isBuffer(value) ? JSON.stringify(value) : value));
        return { rows: [...(await client.unsafe(text, parameters as postgres.ParameterOrJSON<never>[]))] };
      }
      // Several statements, possibly a BEGIN … COMMIT block: one reserved connection, simple protocol.
      const connection = await client.reserve();
      try {
        const results = (await connection.unsafe(text).simple()) as unknown as Record<string, unknown>[] | Record<string, unknown>[][];
        return { rows: results.length && Array.isArray(results[0]) ? (results as Record<string, unknown>[][]).flat() : (results as Record<string, unknown>[]) };
      } finally {
        connection.release();
      }
    },
    migrate: () => migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.end({ timeout: 5 }),
  };
}

/** `dir` undefined opens an in-memory database (tests). */
export function openPglite(dir?: string): DatabaseHandle {
  if (dir) mkdirSync(dir, { recursive: true });
  // btree_gist: the appointments' exclusion constraints compare a uuid with = beside a time range (migrations).
  const options = { extensions: { btree_gist } };
  // PGlite reads its options from the first argument when there is no data folder.
  const client = dir ? new PGlite(dir, options) : new PGlite(options);
  const pgliteDb = drizzlePglite(client, { schema });
  return {
    // The query builders are identical; Drizzle's two database types do not form a callable union.
    db: pgliteDb as unknown as Db,
    kind: 'pglite',
    executeSql: async (text, values) => {
      if (values?.length) return { rows: (await client.query<Record<string, unknown>>(text, values)).rows };
      // exec() takes several statements (the queue's own migrations) and answers one result each.
      return { rows: (await client.exec(text)).flatMap((result) => result.rows as Record<string, unknown>[]) };
    },
    migrate: () => migratePglite(pgliteDb, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.close(),
  };
}

/** The configured database: DATABASE_URL, else the embedded one in the data folder. */
export function openConfiguredDatabase(): DatabaseHandle {
  const url = process.env.DATABASE_URL;
  return url ? openPostgres(url) : openPglite(pgliteDir());
}
