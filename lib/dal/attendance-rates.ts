import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { executeRows } from '@/db/rows';
import { attendanceRates } from '@/lib/appointments/rules';
import { requireClinicManager } from '@/lib/auth/viewer';
import { recordViewerAction } from './internal/viewer-action';

export type ClinicianAttendance = {
  clinicianId: string;
  clinicianName: string;
  attended: number;
  lateCancel: number;
  didNotAttend: number;
  notRecorded: number;
  due: number;
  didNotAttendRate: number | null;
  lateCancelRate: number | null;
};

type Row = { clinician_id: string; clinician_name: string; attended: number; late_cancel: number; did_not_attend: number; not_recorded: number };

/**
 * Manager: did-not-attend and late-cancellation rates by clinician of their clinic, over the visits that
 * started in [from, to) and before now (docs/APPOINTMENTS.md, "Attendance and rates"), counted in SQL.
 * No patient is named. Others: AppError('forbidden').
 */
export async function listAttendanceRates(from: Date, to: Date, now = new Date()): Promise<ClinicianAttendance[]> {
  const viewer = await requireClinicManager();
  const until = to < now ? to : now;
  const db = getDb();
  const rows = await executeRows<Row>(
    db,
    sql`select u.id as clinician_id, u.name as clinician_name,
        (count(*) filter (where a.attendance = 'attended'))::int as attended,
        (count(*) filter (where a.attendance = 'late-cancel'))::int as late_cancel,
        (count(*) filter (where a.attendance = 'did-not-attend'))::int as did_not_attend,
        (count(*) filter (where a.attendance is null))::int as not_recorded
      from users u
      left join appointments a on a.clinician_id = u.id and a.clinic_id = ${viewer.clinicId} and a.status = 'booked'
        and a.starts_at >= ${from.toISOString()}::timestamptz and a.starts_at < ${until.toISOString()}::timestamptz
      where u.clinic_id = ${viewer.clinicId} and u.role = 'clinician'
      group by u.id, u.name
      order by lower(u.name)`,
  );
  await recordViewerAction(db, viewer, { action: 'manager.attendance.read', resourceType: 'attendance' });
  return rows
    .map((row) => ({
      clinicianId: row.clinician_id,
      clinicianName: row.clinician_name,
      attended: row.attended,
      lateCancel: row.late_cancel,
      didNotAttend: row.did_not_attend,
      notRecorded: row.not_recorded,
      ...attendanceRates({ attended: row.attended, lateCancel: row.late_cancel, didNotAttend: row.did_not_attend }),
    }));
}
