import 'server-only';
import { openConfiguredDatabase, type DatabaseHandle, type Db } from './connection';

export type { Db, Tx } from './connection';

const globalForDb = globalThis as unknown as { upliftDb?: DatabaseHandle };

/**
 * The process-wide database, opened on first use (never at import time: `next build` imports
 * route modules and must not open the data folder). Cached on globalThis so dev reloads reuse it.
 */
export function getDb(): Db {
  globalForDb.upliftDb ??= openConfiguredDatabase();
  return globalForDb.upliftDb.db;
}

/** The configured database's handle, for code that needs its driver (the job queue). */
export function getDatabaseHandle(): DatabaseHandle {
  globalForDb.upliftDb ??= openConfiguredDatabase();
  return globalForDb.upliftDb;
}

/** Tests install their own in-memory or throwaway database here. */
export function setDatabaseForTests(handle: DatabaseHandle): void {
  globalForDb.upliftDb = handle;
}
