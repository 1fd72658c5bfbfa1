/**
 * Sign-in throttling kept in PostgreSQL (OWASP ASVS 6.3.1), so it holds across server instances
 * and restarts. Two keys per attempt: the account ("account:<email>") and the client address
 * ("client:<address>"). After a threshold of failures a key is locked for 1, 2, 4, 8 then 15
 * minutes at most; the lock ends by itself. Failures during a lock are not counted, so hammering a
 * locked account cannot extend the lock: an attacker can delay a person, never lock them out for
 * good. A success clears the account key only — clearing the client key would let someone with one
 * valid account reset their own budget for guessing other accounts.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/connection';
import { executeRows } from '@/db/rows';

export const ACCOUNT_THRESHOLD = 5;
/** Higher for addresses: a clinic's staff may share one office address. */
export const CLIENT_THRESHOLD = 20;
export const MAX_LOCK_MINUTES = 15;
/**
 * A failure older than this no longer counts towards a lock (the count starts again). Still far
 * below ASVS's ceiling of 100 failed attempts per hour per account.
 */
const FAILURE_MEMORY_HOURS = 1;

export function accountKey(email: string): string {
  return `account:${email.toLowerCase()}`;
}

export function clientKey(address: string | null): string | null {
  return address ? `client:${address}` : null;
}

/** Minutes a key stays locked after `failures` failures (0 below the threshold). */
export function lockMinutes(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  return Math.min(2 ** (failures - threshold), MAX_LOCK_MINUTES);
}

/** The latest lock end among `keys`, or null when none is locked at `now`. */
export async function lockedUntil(executor: Db | Tx, keys: string[], now = new Date()): Promise<Date | null> {
  if (keys.length === 0) return null;
  const rows = await executeRows<{ until: string | Date | null }>(
    executor,
    sql`select max(locked_until) as until from auth_throttle
        where key in (${sql.join(keys.map((key) => sql`${key}`), sql`, `)}) and locked_until > ${now.toISOString()}::timestamptz`,
  );
  const until = rows[0]?.until;
  return until ? new Date(until) : null;
}

/** Counts one failure against a key and locks it once it passes its threshold. */
export async function recordFailure(executor: Db | Tx, key: string, threshold: number, now = new Date()): Promise<void> {
  const at = now.toISOString();
  await executor.execute(sql`
    insert into auth_throttle as t (key, failures, locked_until, last_failure_at)
    values (${key}, 1, ${threshold <= 1 ? sql`${at}::timestamptz + interval '1 minute'` : sql`null`}, ${at}::timestamptz)
    on conflict (key) do update set
      failures = case when t.last_failure_at < ${at}::timestamptz - make_interval(hours => ${FAILURE_MEMORY_HOURS}) then 1 else t.failures + 1 end,
      locked_until = case
        when (case when t.last_failure_at < ${at}::timestamptz - make_interval(hours => ${FAILURE_MEMORY_HOURS}) then 1 else t.failures + 1 end) >= ${threshold}
        then ${at}::timestamptz + make_interval(mins => least(power(2, (case when t.last_failure_at < ${at}::timestamptz - make_interval(hours => ${FAILURE_MEMORY_HOURS}) then 1 else t.failures + 1 end) - ${threshold}), ${MAX_LOCK_MINUTES})::int)
        else null end,
      last_failure_at = ${at}::timestamptz`);
}

export async function clearKey(executor: Db | Tx, key: string): Promise<void> {
  await executor.execute(sql`delete from auth_throttle where key = ${key}`);
}
