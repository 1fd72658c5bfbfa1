/**
 * Visit reminders, 24 hours and 2 hours before (docs/APPOINTMENTS.md, "Reminders"), run by the job runner
 * (lib/jobs/kinds.ts). No viewer and no `server-only` marker: the job acts for each clinic.
 *
 * Each reminder is sent at most once: the visit's reminded_24h_at / reminded_2h_at is set in the same
 * transaction as the notification, by an UPDATE that only takes visits where it is still null (two runners
 * at once cannot both take one), and notify()'s dedupe key refuses a second notification anyway. A visit
 * booked less than 2 hours ahead gets only the 2-hour reminder; one booked between 2 and 24 hours ahead gets
 * the 24-hour one at once and the 2-hour one later. Cancelled visits get none.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/connection';
import { executeRows } from '@/db/rows';
import { notify } from '@/lib/notifications/notify';
import { appointmentReminderTitle } from '@/lib/notifications/titles';
import { formatClock, formatLongDay, personTimeZone } from '@/lib/time';

const HOUR_MS = 3_600_000;

type Due = { id: string; patient_id: string; starts_at: Date | string; clinic_name: string; own_zone: string | null; clinic_zone: string };

async function sendDue(db: Db, which: '24h' | '2h', now: Date): Promise<number> {
  const column = sql.raw(which === '24h' ? 'reminded_24h_at' : 'reminded_2h_at');
  const [from, to] = which === '24h' ? [2 * HOUR_MS, 24 * HOUR_MS] : [0, 2 * HOUR_MS];
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const due = await executeRows<Due>(
      tx,
      sql`with taken as (
            update appointments a set ${column} = ${at}::timestamptz
            where a.id in (
              select id from appointments
              where status = 'booked' and ${column} is null
                and starts_at > ${new Date(now.getTime() + from).toISOString()}::timestamptz
                and starts_at <= ${new Date(now.getTime() + to).toISOString()}::timestamptz
              order by starts_at limit 500
              for update skip locked)
            returning a.id, a.patient_id, a.starts_at, a.clinic_id)
          select taken.id, taken.patient_id, taken.starts_at, c.name as clinic_name, p.time_zone as own_zone, c.time_zone as clinic_zone
          from taken join clinics c on c.id = taken.clinic_id join users p on p.id = taken.patient_id`,
    );
    for (const visit of due) {
      const startsAt = new Date(visit.starts_at);
      const zone = personTimeZone(visit.own_zone, visit.clinic_zone);
      const clock = formatClock(startsAt, zone);
      await notify(tx, {
        userId: visit.patient_id,
        kind: 'appointment-reminder',
        title: appointmentReminderTitle(visit.clinic_name, which, which === '24h' ? `${formatLongDay(startsAt, zone)} at ${clock}` : clock),
        href: '/patient/appointments',
        dedupeKey: `appointment:${visit.id}:${which}`,
        channels: ['email', 'push'],
        redirectWhenAway: false,
        now,
      });
    }
    return due.length;
  });
}

/** Sends the reminders now due; returns how many of each. Safe to run twice, and on several servers at once. */
export async function sendAppointmentReminders(db: Db, now = new Date()): Promise<{ day: number; soon: number }> {
  const day = await sendDue(db, '24h', now);
  const soon = await sendDue(db, '2h', now);
  return { day, soon };
}
