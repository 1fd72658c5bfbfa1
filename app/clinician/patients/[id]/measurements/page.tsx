import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { MeasurementForm } from '@/components/clinician/measurement-form';
import { MeasurementRowActions } from '@/components/clinician/measurement-row-actions';
import { RecordNav } from '@/components/clinician/record-nav';
import { TableFrame, type ColumnHead } from '@/components/ui/data-table';
import { formatMeasurement, isMeasureCode, judgeSchober, ROM_MEASURES, ROM_METHOD_LABELS, type RomMethod } from '@/lib/clinical/rom';
import { listMeasurementHistory, type MeasurementHistoryRow } from '@/lib/dal/measurements';
import { formatDateTime, localDay } from '@/lib/time';
import { correctMeasurementAction, deleteMeasurementAction, recordMeasurementsAction } from './actions';
import { loadRecordPage } from '../record-page';

export const metadata: Metadata = { title: 'Measurements' };

const COLUMNS: ColumnHead[] = [
  { label: 'Measured' },
  { label: 'Measure' },
  { label: 'Value', numeric: true },
  { label: 'Method' },
  { label: 'Recorded by' },
  { label: 'Status' },
  { label: 'Actions', hideLabel: true },
];

function localInputValue(now: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
  return `${localDay(now, timeZone)}T${time}`;
}

export default async function MeasurementsPage({ params }: { params: Promise<{ id: string }> }) {
  const { viewer, data: history } = await loadRecordPage(params, listMeasurementHistory);
  const { heading, rows } = history;
  const active = heading.status === 'active';
  return (
    <div className="space-y-6">
      <RecordNav episodeId={heading.episodeId} patientName={heading.patientName} current="/measurements" status={heading.status} />
      <h1 className="text-2xl font-bold">Measurements: {heading.patientName}</h1>
      {active ? (
        <MeasurementForm action={recordMeasurementsAction.bind(null, heading.episodeId)} defaultMeasuredAt={localInputValue(new Date(), viewer.timeZone)} submissionId={randomUUID()} />
      ) : null}
      <section aria-labelledby="measurement-history" className="space-y-2">
        <h2 id="measurement-history" className="text-xl font-semibold">History</h2>
        <p className="text-sm text-slate-700">Corrections and deletions keep the original row, shown struck through.</p>
        <TableFrame caption="All measurements, newest first" columns={COLUMNS}>
          <tbody>
            {rows.map((row) => (
              <HistoryRow key={row.id} row={row} episodeId={heading.episodeId} timeZone={viewer.timeZone} editable={active} />
            ))}
            {rows.length === 0 ? (
              <tr><td colSpan={COLUMNS.length} className="px-3 py-4 text-center text-slate-700">No measurements yet.</td></tr>
            ) : null}
          </tbody>
        </TableFrame>
      </section>
    </div>
  );
}

function HistoryRow({ row, episodeId, timeZone, editable }: { row: MeasurementHistoryRow; episodeId: string; timeZone: string; editable: boolean }) {
  const measure = isMeasureCode(row.code) ? ROM_MEASURES[row.code] : null;
  const label = measure?.clinicalLabel ?? row.code;
  const current = !row.supersededAt && !row.deletedAt;
  const status = row.deletedAt
    ? `Deleted ${formatDateTime(row.deletedAt, timeZone)}${row.deletedByName ? ` by ${row.deletedByName}` : ''}`
    : row.supersededAt
      ? `Corrected ${formatDateTime(row.supersededAt, timeZone)}`
      : row.supersedesId
        ? 'Correction (current)'
        : 'Current';
  return (
    <tr className={`border-t border-slate-200 ${current ? '' : 'text-slate-600'}`}>
      <td data-label="Measured" className="px-3 py-2 whitespace-nowrap">{formatDateTime(row.measuredAt, timeZone)}</td>
      <td data-label="Measure" className="px-3 py-2">{label}</td>
      <td data-label="Value" className={`px-3 py-2 text-right tabular-nums ${current ? 'font-semibold' : 'line-through'}`}>
        {formatMeasurement(row.value, row.unit)}
        {row.code === 'modified-schober' && current ? <span className="block text-xs font-normal text-slate-700">{judgeSchober(row.value).text}</span> : null}
      </td>
      <td data-label="Method" className="px-3 py-2">{row.method ? (ROM_METHOD_LABELS[row.method as RomMethod] ?? row.method) : '—'}</td>
      <td data-label="Recorded by" className="px-3 py-2">{row.clinicianName}</td>
      <td data-label="Status" className="px-3 py-2">{status}</td>
      <td className="px-3 py-2">
        {current && editable ? (
          <MeasurementRowActions
            measurementId={row.id}
            label={`${label} ${formatMeasurement(row.value, row.unit)}`}
            value={row.value}
            method={row.method}
            isAngle={row.unit === 'deg'}
            correctAction={correctMeasurementAction.bind(null, episodeId)}
            deleteAction={deleteMeasurementAction.bind(null, episodeId)}
          />
        ) : null}
      </td>
    </tr>
  );
}
