/**
 * Attempt throttling kept in PostgreSQL (OWASP ASVS 6.3.1), so it holds across server instances,
 * restarts and simultaneous requests. docs/SECURITY.md ("Sign-in") states the rules; in short:
 *
 * - Every attempt is reserved before the password (or code) is checked, in one statement per key
 *   (INSERT … ON CONFLICT DO UPDATE … WHERE not delayed … RETURNING). PostgreSQL locks the key's
 *   row for that statement, so of twenty attempts sent at once only those the rules allow get
 *   through; the rest are refused without any check. All keys of an attempt are reserved in one
 *   transaction: if one key refuses, nothing is counted.
 * - A key's first `threshold` attempts in an hour are free. After that each attempt must wait a
 *   progressive delay after the previous one (1, 2, 4, 8, then at most 15 minutes). It is a delay
 *   between attempts, never a lock of the person: a browser that signed in to the account before
 *   holds a device cookie (lib/auth/device-cookie.ts) and is throttled on its own key, so a
 *   stranger's guesses do not hold it back.
 * - Refused attempts are not counted, so hammering cannot stretch the delay; a reservation whose
 *   check succeeds is given back (`releaseAttempt`), or the key is cleared (`clearKey`).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db/connection';
import { executeRows } from '@/db/rows';

export const ACCOUNT_THRESHOLD = 5;
/** Higher for addresses: a clinic's staff may share one office address. */
export const CLIENT_THRESHOLD = 20;
/** A browser holding the account's device cookie: its own budget (OWASP "device cookies"). */
export const DEVICE_THRESHOLD = 5;
/** Re-entering one's own password or second factor while signed in (before turning MFA off and the like). */
export const RECHECK_THRESHOLD = 5;
export const MAX_DELAY_MINUTES = 15;
/**
 * An attempt older than this no longer counts (the count starts again). Far below ASVS's ceiling
 * of 100 failed attempts per hour per account.
 */
export const MEMORY_HOURS = 1;

export type ThrottleKey = { key: string; threshold: number };

export function accountKey(email: string): ThrottleKey {
  return { key: `account:${email.toLowerCase()}`, threshold: ACCOUNT_THRESHOLD };
}

export function clientKey(address: string | null): ThrottleKey | null {
  return address ? { key: `client:${address}`, threshold: CLIENT_THRESHOLD } : null;
}

export function deviceKey(nonce: string): ThrottleKey {
  return { key: `device:${nonce}`, threshold: DEVICE_THRESHOLD };
}

/** Minutes the next attempt must wait after `attempts` counted attempts (0 below the threshold). */
export function delayMinutes(attempts: number, threshold: number): number {
  if (attempts < threshold) return 0;
  return Math.min(2 ** (attempts - threshold), MAX_DELAY_MINUTES);
}

/** SQL for the delay after `attempts` (an SQL integer expression) counted attempts, as an interval or null. */
function nextAllowed(attempts: SQL, threshold: number, at: string): SQL {
  return sql`case when ${attempts} >= ${threshold}
    then ${at}::timestamptz + make_interval(mins => least(power(2, ${attempts} - ${threshold}), ${MAX_DELAY_MINUTES})::int)
    else null end`;
}

class Refused extends Error {}

/**
 * Reserves one attempt on every key, all or none, counting it as a failure until it is released.
 * False when any key is still waiting out its delay: the caller refuses without checking anything.
 */
export async function reserveAttempt(executor: Db | Tx, keys: ThrottleKey[], now = new Date()): Promise<boolean> {
  if (keys.length === 0) return true;
  const at = now.toISOString();
  // One order for every caller, so two attempts sharing keys cannot deadlock.
  const ordered = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  try {
    await executor.transaction(async (tx) => {
      for (const { key, threshold } of ordered) {
        const counted = sql`(case when t.last_failure_at < ${at}::timestamptz - make_interval(hours => ${MEMORY_HOURS}) then 1 else t.failures + 1 end)`;
        const rows = await executeRows<{ failures: number }>(
          tx,
          sql`insert into auth_throttle as t (key, failures, locked_until, last_failure_at)
              values (${key}, 1, ${nextAllowed(sql`1`, threshold, at)}, ${at}::timestamptz)
              on conflict (key) do update set
                failures = ${counted},
                locked_until = ${nextAllowed(counted, threshold, at)},
                last_failure_at = ${at}::timestamptz
              where t.locked_until is null or t.locked_until <= ${at}::timestamptz
              returning failures`,
        );
        if (rows.length === 0) throw new Refused();
      }
    });
    return true;
  } catch (error) {
    if (error instanceof Refused) return false;
    throw error;
  }
}

/**
 * Gives back a reservation whose check succeeded (a right password that still needs its code, or
 * a sign-in on a shared address): the attempt no longer counts, and any delay it started ends.
 */
export async function releaseAttempt(executor: Db | Tx, keys: ThrottleKey[]): Promise<void> {
  for (const { key, threshold } of keys) {
    await executor.execute(sql`
      update auth_throttle set
        failures = greatest(failures - 1, 0),
        locked_until = case when failures - 1 >= ${threshold} then locked_until else null end
      where key = ${key}`);
  }
}

/** The end of the current delay among `keys`, or null when none is waiting at `now`. */
export async function delayedUntil(executor: Db | Tx, keys: ThrottleKey[], now = new Date()): Promise<Date | null> {
  if (keys.length === 0) return null;
  const rows = await executeRows<{ until: string | Date | null }>(
    executor,
    sql`select max(locked_until) as until from auth_throttle
        where key in (${sql.join(keys.map(({ key }) => sql`${key}`), sql`, `)}) and locked_until > ${now.toISOString()}::timestamptz`,
  );
  const until = rows[0]?.until;
  return until ? new Date(until) : null;
}

export async function clearKey(executor: Db | Tx, key: ThrottleKey): Promise<void> {
  await executor.execute(sql`delete from auth_throttle where key = ${key.key}`);
}

/**
 * Deletes rows that no longer affect anything: no delay running and nothing counted within the
 * memory window (this includes the authenticator's last-used time steps, which matter for 90
 * seconds). Returns how many went.
 */
export async function pruneThrottle(executor: Db | Tx, now = new Date()): Promise<number> {
  const rows = await executeRows<{ key: string }>(
    executor,
    sql`delete from auth_throttle
        where last_failure_at < ${now.toISOString()}::timestamptz - make_interval(hours => ${MEMORY_HOURS})
          and (locked_until is null or locked_until <= ${now.toISOString()}::timestamptz)
        returning key`,
  );
  return rows.length;
}

let lastPrune = 0;
/** Prunes at most once a minute per server process, after an attempt; correctness never depends on it. */
export async function pruneThrottleNow(executor: Db | Tx, now = Date.now()): Promise<void> {
  if (now - lastPrune < 60_000) return;
  lastPrune = now;
  await pruneThrottle(executor, new Date(now));
}
