import type { Metadata } from 'next';
import { DataTable } from '@/components/ui/data-table';
import { guardArea, loadPage } from '@/lib/auth/guard';
import { formatPercent } from '@/lib/clinical/adherence';
import { listAttendanceRates } from '@/lib/dal/attendance-rates';
import { addDays, formatDate, localDay, startOfDayIn } from '@/lib/time';

export const metadata: Metadata = { title: 'Attendance' };

/** The last 90 days, in the manager's zone. */
const PERIOD_DAYS = 90;

export default async function AttendancePage() {
  const viewer = await guardArea('manager');
  const today = localDay(new Date(), viewer.timeZone);
  const fromDay = addDays(today, -PERIOD_DAYS);
  const rows = await loadPage(() => listAttendanceRates(startOfDayIn(fromDay, viewer.timeZone), startOfDayIn(addDays(today, 1), viewer.timeZone)));
  const rate = (value: number | null) => (value === null ? 'No visits due' : formatPercent(value));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Attendance</h1>
      <p className="max-w-3xl text-slate-700">
        Visits from {formatDate(fromDay, viewer.timeZone)} up to now. Did-not-attend rate: visits marked “did not attend” out of the visits that were
        due (attended, cancelled late or did not attend). Late-cancellation rate likewise. Visits cancelled in time, and visits whose
        attendance nobody has recorded yet, are not counted in the rates.
      </p>
      <DataTable
        caption={`Attendance by clinician, last ${PERIOD_DAYS} days`}
        columns={[
          { label: 'Clinician', rowHeader: true, cell: (row) => row.clinicianName },
          { label: 'Visits due', numeric: true, cell: (row) => row.due },
          { label: 'Attended', numeric: true, cell: (row) => row.attended },
          { label: 'Did not attend', numeric: true, cell: (row) => row.didNotAttend },
          { label: 'Did-not-attend rate', numeric: true, cell: (row) => rate(row.didNotAttendRate) },
          { label: 'Cancelled late', numeric: true, cell: (row) => row.lateCancel },
          { label: 'Late-cancellation rate', numeric: true, cell: (row) => rate(row.lateCancelRate) },
          { label: 'Not recorded yet', numeric: true, cell: (row) => row.notRecorded },
        ]}
        rows={rows}
        rowKey={(row) => row.clinicianId}
      />
    </div>
  );
}
