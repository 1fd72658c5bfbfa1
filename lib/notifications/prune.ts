/**
 * Old notifications are deleted with their deliveries and attempts (docs/SECURITY.md, "Retention and
 * erasure"): they point at pages, hold no health data, and are no use once this old.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/connection';
import { executeRows } from '@/db/rows';
import { MS_PER_DAY } from '@/lib/time';

export const NOTIFICATION_RETENTION_DAYS = 180;

/** Deletes notifications created more than NOTIFICATION_RETENTION_DAYS before `now`; returns how many. */
export async function pruneNotifications(db: Db, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - NOTIFICATION_RETENTION_DAYS * MS_PER_DAY).toISOString();
  const [row] = await executeRows<{ n: number }>(
    db,
    sql`with gone as (delete from notifications where created_at < ${before}::timestamptz returning 1) select count(*)::int as n from gone`,
  );
  return row?.n ?? 0;
}
