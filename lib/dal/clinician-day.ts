import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { executeRows } from '@/db/rows';
import { appointments } from '@/db/schema';
import type { AppointmentKind, Attendance } from '@/lib/appointments/rules';
import type { Visit } from '@/lib/appointments/visit';
import { auditActor, requireRole } from '@/lib/auth/viewer';
import { adherenceFraction } from '@/lib/clinical/adherence';
import { addDays, MS_PER_DAY, startOfDayIn } from '@/lib/time';
import { recordAudit } from '@/lib/audit/record';
import { caseloadFlagsSql, type CaseloadFlag } from './caseload';
import { responsibleClinicianIn } from './internal/clinician-access';
import { isUuid } from '@/lib/validation/ids';
import { episodeMetricsCte } from './internal/episode-metrics';
import { recordViewerAction } from './internal/viewer-action';

export type DayVisit = Visit & {
  episodeId: string;
  patientName: string;
  flags: CaseloadFlag[];
  /** Since when the figures below run: the last visit the patient came to, else the start of care. */
  since: Date;
  sinceLastVisit: boolean;
  /** Pain then (the last score logged by `since`, else the intake score) and now (the last score logged). */
  painThen: number;
  painNow: number | null;
  logged: number;
  prescribed: number;
  adherence: number | null;
};

type Row = {
  id: string;
  episode_id: string;
  patient_name: string;
  clinician_name: string;
  kind: AppointmentKind;
  starts_at: Date | string;
  ends_at: Date | string;
  location: string | null;
  video_url: string | null;
  status: 'booked' | 'cancelled';
  attendance: Attendance | null;
  flags: string[] | null;
  since: Date | string;
  since_last_visit: boolean;
  pain_then: number;
  pain_now: number | null;
  logged: number;
  per_week: number | null;
};

/** The words shown beside the day view's figures. */
export const SINCE_LAST_VISIT =
  'Since the last visit the patient came to (or since care started, when there is none): pain then is the last score logged by then ' +
  '(or the intake score), pain now the last score logged; adherence is exercise sessions done or partly done out of the sessions the ' +
  'newest plan asks for in those days, sessions beyond what the plan asked for not counted.';

/**
 * Clinician: their visits (and those of away colleagues they cover) on `day`, a calendar day in their own
 * zone, in time order, each with the patient's caseload flags, pain then and now and adherence since the
 * last visit the patient came to, with one audit row. Others: AppError('forbidden').
 */
export async function getClinicianDay(day: string, now = new Date()): Promise<DayVisit[]> {
  const viewer = await requireRole('clinician');
  const from = startOfDayIn(day, viewer.timeZone);
  const to = startOfDayIn(addDays(day, 1), viewer.timeZone);
  const db = getDb();
  const visits = sql`select a.* from appointments a
    where a.clinic_id = ${viewer.clinicId} and ${responsibleClinicianIn(sql`a.clinician_id`, viewer)}
      and a.starts_at >= ${from.toISOString()}::timestamptz and a.starts_at < ${to.toISOString()}::timestamptz`;
  const rows = await executeRows<Row>(
    db,
    sql`with day_visits as (${visits}), ${episodeMetricsCte(sql`e.id in (select episode_id from day_visits)`, now)}
    select dv.id, dv.episode_id, p.name as patient_name, c.name as clinician_name, dv.kind, dv.starts_at, dv.ends_at,
      dv.location, dv.video_url, dv.status, dv.attendance,
      ${caseloadFlagsSql} as flags,
      coalesce(prev.starts_at, e.started_at) as since,
      prev.starts_at is not null as since_last_visit,
      coalesce((select pe.score from pain_entries pe where pe.episode_id = dv.episode_id and pe.recorded_at <= coalesce(prev.starts_at, e.started_at)
        order by pe.recorded_at desc limit 1), e.intake_nprs)::int as pain_then,
      (select pe.score from pain_entries pe where pe.episode_id = dv.episode_id and pe.recorded_at <= dv.starts_at
        order by pe.recorded_at desc limit 1)::int as pain_now,
      (select count(*) from exercise_logs l where l.episode_id = dv.episode_id and l.status <> 'skipped'
        and l.logged_at >= coalesce(prev.starts_at, e.started_at) and l.logged_at < least(dv.starts_at, ${now.toISOString()}::timestamptz))::int as logged,
      (select pv.sessions_per_week from plans pv where pv.episode_id = dv.episode_id order by pv.version desc limit 1)::int as per_week
    from day_visits dv
    join episodes e on e.id = dv.episode_id
    join users p on p.id = dv.patient_id
    join users c on c.id = dv.clinician_id
    left join metrics on metrics.episode_id = dv.episode_id
    left join lateral (
      select a2.starts_at from appointments a2
      where a2.episode_id = dv.episode_id and a2.status = 'booked' and a2.starts_at < dv.starts_at
        and (a2.attendance is null or a2.attendance = 'attended') and a2.starts_at < ${now.toISOString()}::timestamptz
      order by a2.starts_at desc limit 1
    ) prev on true
    order by dv.starts_at, p.name`,
  );
  await recordViewerAction(db, viewer, { action: 'clinician.day.read', resourceType: 'day', resourceId: day, detail: { visits: rows.length } });
  return rows.map((row) => {
    const since = new Date(row.since);
    const startsAt = new Date(row.starts_at);
    const until = Math.min(startsAt.getTime(), now.getTime());
    const days = Math.max(0, (until - since.getTime()) / MS_PER_DAY);
    const prescribed = Math.round(((row.per_week ?? 0) * days) / 7);
    return {
      id: row.id,
      episodeId: row.episode_id,
      patientName: row.patient_name,
      clinicianName: row.clinician_name,
      kind: row.kind,
      startsAt,
      endsAt: new Date(row.ends_at),
      location: row.location,
      videoUrl: row.video_url,
      status: row.status,
      attendance: row.attendance,
      flags: (row.flags ?? []) as CaseloadFlag[],
      since,
      sinceLastVisit: row.since_last_visit,
      painThen: row.pain_then,
      painNow: row.pain_now,
      logged: row.logged,
      prescribed,
      adherence: adherenceFraction(row.logged, prescribed),
    };
  });
}

/**
 * Clinician: records what happened at a visit that has started, theirs or one of an away colleague they cover
 * (it may be corrected later). A visit not started yet: 'not-started'. Someone else's, cancelled or unknown:
 * 'not-found', with the refusal audited. Others: AppError('forbidden').
 */
export async function recordAttendance(appointmentId: string, attendance: Attendance, now = new Date()): Promise<'recorded' | 'not-started' | 'not-found'> {
  const viewer = await requireRole('clinician');
  if (!isUuid(appointmentId)) return 'not-found';
  const db = getDb();
  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: appointments.id, startsAt: appointments.startsAt, status: appointments.status, patientId: appointments.patientId })
      .from(appointments)
      .where(and(eq(appointments.id, appointmentId), eq(appointments.clinicId, viewer.clinicId), responsibleClinicianIn(appointments.clinicianId, viewer)))
      .for('update');
    if (!row || row.status !== 'booked') return 'not-found' as const;
    if (row.startsAt > now) return 'not-started' as const;
    await tx.update(appointments).set({ attendance, attendanceRecordedAt: now, attendanceRecordedBy: viewer.userId }).where(eq(appointments.id, row.id));
    await recordViewerAction(tx, viewer, {
      action: 'clinician.appointment.attendance',
      patientId: row.patientId,
      resourceType: 'appointment',
      resourceId: row.id,
      detail: { attendance },
    });
    return 'recorded' as const;
  });
  if (outcome === 'not-found') {
    await recordAudit(db, {
      action: 'clinician.appointment.attendance',
      outcome: 'denied',
      ...auditActor(viewer),
      resourceType: 'appointment',
      resourceId: appointmentId,
    });
  }
  return outcome;
}
