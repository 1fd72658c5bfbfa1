import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

/** Readiness: true when the database answers a trivial query within two seconds. */
export async function isDatabaseReady(): Promise<boolean> {
  const probe = getDb().execute(sql`select 1`);
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000));
  try {
    await Promise.race([probe, timeout]);
    return true;
  } catch {
    return false;
  }
}
