/**
 * Two database roles, so the application cannot rewrite its own audit trail (docs/SECURITY.md, Audit
 * trail). Migrations run as the owner (MIGRATION_DATABASE_URL, or DATABASE_OWNER_URL), which owns every
 * table and function; the application connects as DATABASE_URL's role, which after each migration is
 * granted reading and writing on the other tables but on audit_events only SELECT: it appends through
 * audit_append() and the commit-time flush, which run as their owner (SECURITY DEFINER), and it cannot
 * UPDATE, DELETE, TRUNCATE, ALTER or disable the append-only triggers (only an owner can). With one URL
 * (the embedded default, or a single PostgreSQL role) everything runs as one role, as before.
 */
import { sql } from 'drizzle-orm';
import { installJobQueues } from '../lib/jobs/runner';
import { QUEUE_SCHEMA } from '../lib/jobs/queue';
import { openConfiguredDatabase, openPostgres, type DatabaseHandle, type Db } from './connection';
import { executeRows } from './rows';

/** The URL migrations run with: the owner's when one is configured, else DATABASE_URL. */
export function migrationUrl(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.MIGRATION_DATABASE_URL ?? env.DATABASE_OWNER_URL ?? env.DATABASE_URL;
}

/** The application's role when it differs from the owner's, else null (a single-role setup). */
export function applicationRole(env: Record<string, string | undefined> = process.env): string | null {
  const owner = migrationUrl(env);
  if (!env.DATABASE_URL || !owner || owner === env.DATABASE_URL) return null;
  const app = decodeURIComponent(new URL(env.DATABASE_URL).username);
  const ownerRole = decodeURIComponent(new URL(owner).username);
  return app && app !== ownerRole ? app : null;
}

const ROLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Grants `role` what the application needs and nothing more on the audit trail. Run as the owner after
 * every migration (new tables need their grants). Idempotent.
 */
export async function grantApplicationRole(db: Db, role: string): Promise<void> {
  if (!ROLE_NAME.test(role)) throw new Error('the application role name must be letters, digits and underscores');
  const who = sql.identifier(role);
  const statements = [
    sql`grant usage on schema public to ${who}`,
    sql`grant select, insert, update, delete on all tables in schema public to ${who}`,
    sql`grant usage, select on all sequences in schema public to ${who}`,
    // The audit trail: read, and append only through the owner's functions.
    sql`revoke insert, update, delete, truncate, references, trigger on audit_events from ${who}`,
    sql`revoke update, delete, truncate on audit_pending from ${who}`,
    sql`revoke all on sequence audit_events_id_seq from ${who}`,
  ];
  for (const statement of statements) await db.execute(statement);
  // The job queue (pg-boss, lib/jobs/queue.ts), installed by the owner: its rows and functions, no DDL.
  const [queue] = await executeRows<{ installed: boolean }>(db, sql`select to_regnamespace(${QUEUE_SCHEMA}) is not null as installed`);
  if (queue?.installed) {
    const schema = sql.identifier(QUEUE_SCHEMA);
    for (const statement of [
      sql`grant usage on schema ${schema} to ${who}`,
      sql`grant select, insert, update, delete on all tables in schema ${schema} to ${who}`,
      sql`grant usage, select on all sequences in schema ${schema} to ${who}`,
      sql`grant execute on all functions in schema ${schema} to ${who}`,
    ])
      await db.execute(statement);
  }
}

/** Migrates as the owner and, in a two-role setup, grants the application role. */
export async function migrateConfiguredDatabase(): Promise<{ kind: DatabaseHandle['kind']; applicationRole: string | null }> {
  const url = migrationUrl();
  const handle = url ? openPostgres(url) : openConfiguredDatabase();
  try {
    await handle.migrate();
    await installJobQueues(handle);
    const role = applicationRole();
    if (role) await grantApplicationRole(handle.db, role);
    return { kind: handle.kind, applicationRole: role };
  } finally {
    await handle.close();
  }
}
