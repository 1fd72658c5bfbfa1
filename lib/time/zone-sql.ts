import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * `personTimeZone` (lib/time/zone.ts) in SQL, for queries that count days per row: the person's own zone,
 * else their clinic's. Pass the two columns (`users.timeZone, clinics.timeZone`, or `sql\`p.time_zone\``
 * in raw SQL). zone-sql.integration.test.ts checks that both forms agree.
 */
export function personTimeZoneSql(own: AnyColumn | SQL, clinic: AnyColumn | SQL): SQL<string> {
  return sql<string>`coalesce(${own}, ${clinic})`;
}
