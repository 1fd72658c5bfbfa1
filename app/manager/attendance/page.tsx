import type { Metadata } from 'next';
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
      <div className="overflow-x-auto">
      <table className="stack-table w-full border-collapse bg-white text-left text-sm">
        <caption className="sr-only">Attendance by clinician, last {PERIOD_DAYS} days</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2">Clinician</th>
            <th scope="col" className="p-2 text-right">Visits due</th>
            <th scope="col" className="p-2 text-right">Attended</th>
            <th scope="col" className="p-2 text-right">Did not attend</th>
            <th scope="col" className="p-2 text-right">Did-not-attend rate</th>
            <th scope="col" className="p-2 text-right">Cancelled late</th>
            <th scope="col" className="p-2 text-right">Late-cancellation rate</th>
            <th scope="col" className="p-2 text-right">Not recorded yet</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.clinicianId} className="border-b border-slate-100">
              <th scope="row" className="p-2 font-medium">{row.clinicianName}</th>
              <td data-label="Visits due" className="p-2 text-right">{row.due}</td>
              <td data-label="Attended" className="p-2 text-right">{row.attended}</td>
              <td data-label="Did not attend" className="p-2 text-right">{row.didNotAttend}</td>
              <td data-label="Did-not-attend rate" className="p-2 text-right">{rate(row.didNotAttendRate)}</td>
              <td data-label="Cancelled late" className="p-2 text-right">{row.lateCancel}</td>
              <td data-label="Late-cancellation rate" className="p-2 text-right">{rate(row.lateCancelRate)}</td>
              <td data-label="Not recorded yet" className="p-2 text-right">{row.notRecorded}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </div>
  );
}
