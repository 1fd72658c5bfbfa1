import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createClinic, createUser } from '@/db/factories';
import { executeRows } from '@/db/rows';
import { clinics, users } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { localDay, personTimeZone, timeZoneNames, zonedTimeToUtc } from './index';
import { personTimeZoneSql } from './zone-sql';

const db = setupTestDatabase();

describe('time zones in SQL', () => {
  it('personTimeZoneSql gives the same zone as personTimeZone, with and without an own zone', async () => {
    const clinic = await createClinic(db(), { timeZone: 'America/New_York' });
    const follows = await createUser(db(), clinic.id, 'patient');
    const own = await createUser(db(), clinic.id, 'patient', { timeZone: 'Australia/Sydney' });
    for (const user of [follows, own]) {
      const [row] = await db()
        .select({ zone: personTimeZoneSql(users.timeZone, clinics.timeZone) })
        .from(users)
        .innerJoin(clinics, eq(clinics.id, users.clinicId))
        .where(eq(users.id, user.id));
      expect(row!.zone).toBe(personTimeZone(user.timeZone, clinic.timeZone));
    }
  });

  it('the database knows every zone a person can choose, and counts the same local day as the app', async () => {
    // The app (ICU) and the database each carry a copy of the tz database; where a country changed its
    // rules recently (Cuba, for one) the copies can disagree for an hour, so agreement is checked on the
    // zones of the countries Uplift lists for clinics and a spread of others.
    const checked = new Set(['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Toronto', 'America/Vancouver',
      'Australia/Sydney', 'Australia/Perth', 'Australia/Adelaide', 'Pacific/Auckland', 'Europe/London', 'Europe/Dublin', 'Europe/Berlin',
      'Europe/Paris', 'Europe/Madrid', 'Asia/Calcutta', 'Asia/Tokyo', 'Africa/Johannesburg', 'UTC']);
    // 23:30 local on the New York and Sydney clock-change days, and a summer and a winter instant.
    const instants = [
      zonedTimeToUtc('2026-03-08', 23, 30, 'America/New_York'),
      zonedTimeToUtc('2026-11-01', 23, 30, 'America/New_York'),
      zonedTimeToUtc('2026-04-05', 23, 30, 'Australia/Sydney'),
      zonedTimeToUtc('2026-10-04', 23, 30, 'Australia/Sydney'),
      new Date('2026-07-01T23:30:00Z'),
      new Date('2026-01-15T00:30:00Z'),
    ];
    const names = timeZoneNames();
    const rows = await executeRows<{ zone: string; at: string; day: string }>(
      db(),
      sql`select z.zone, i.at, ((i.at::timestamptz) at time zone z.zone)::date::text as day
          from json_array_elements_text(${JSON.stringify(names)}::json) as z(zone)
          cross join json_array_elements_text(${JSON.stringify(instants.map((instant) => instant.toISOString()))}::json) as i(at)`,
    );
    expect(rows).toHaveLength(names.length * instants.length);
    const mismatches = rows.filter((row) => checked.has(row.zone) && row.day !== localDay(new Date(row.at), row.zone));
    expect(rows.filter((row) => checked.has(row.zone))).toHaveLength(checked.size * instants.length);
    expect(mismatches).toEqual([]);
  });
});
