/**
 * Visits for the generated clinic, so the clinician's day view and the patient's appointments page are
 * measured with data: each clinician's first 14 active episodes (the bench patient's first) get a visit
 * today, every 30 minutes from 08:00 in the clinic's zone, and one two weeks earlier at the same time, which
 * one in five missed. One SQL statement; a clinic whose visits were already generated today is left alone,
 * so it can run on a clinic generated before appointments existed.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { executeRows } from '../../db/rows';

export const VISITS_PER_CLINICIAN_DAY = 14;

/** Adds the visits; answers how many it wrote. */
export async function generateAppointments(db: Db, clinicId: string, benchEpisodeId: string | null, now = new Date()): Promise<number> {
  const [row] = await executeRows<{ n: number }>(
    db,
    sql`with zone as (
          select c.time_zone as z, (${now.toISOString()}::timestamptz at time zone c.time_zone)::date as today from clinics c where c.id = ${clinicId}
        ), chosen as (
          select e.id, e.clinic_id, e.patient_id, e.clinician_id,
                 row_number() over (partition by e.clinician_id order by (e.id = ${benchEpisodeId}) desc, e.id) as n
          from episodes e
          where e.clinic_id = ${clinicId} and e.status = 'active'
        ), slots as (
          select chosen.*, weeks_ago,
                 ((zone.today - 14 * weeks_ago) + time '08:00' + (chosen.n - 1) * interval '30 minutes') at time zone zone.z as starts_at
          from chosen, zone, (values (0), (1)) as w(weeks_ago)
          where chosen.n <= ${VISITS_PER_CLINICIAN_DAY}
            and not exists (
              select 1 from appointments a, zone z2
              where a.clinic_id = ${clinicId} and a.starts_at >= z2.today at time zone z2.z and a.starts_at < (z2.today + 1) at time zone z2.z
            )
        ), written as (
          insert into appointments (clinic_id, episode_id, patient_id, clinician_id, booked_by, kind, starts_at, ends_at, location,
                                    attendance, attendance_recorded_at, attendance_recorded_by, reminded_24h_at, reminded_2h_at)
          select clinic_id, id, patient_id, clinician_id, clinician_id,
                 case when n % 4 = 0 then 'phone'::appointment_kind else 'in-person'::appointment_kind end,
                 starts_at, starts_at + interval '30 minutes',
                 case when n % 4 = 0 then null else 'Room ' || (1 + n % 3) end,
                 case when weeks_ago = 1 then (case when n % 5 = 0 then 'did-not-attend' else 'attended' end)::attendance end,
                 case when weeks_ago = 1 then starts_at end,
                 case when weeks_ago = 1 then clinician_id end,
                 case when weeks_ago = 1 then starts_at end,
                 case when weeks_ago = 1 then starts_at end
          from slots
          -- A visit overlapping one generated on an earlier day (the exclusion constraints) is left out.
          on conflict do nothing
          returning 1
        )
        select count(*)::int as n from written`,
  );
  return row?.n ?? 0;
}
