import { AfterHydration } from './after-hydration';
import { NumbersDisclosure } from './numbers-disclosure';

/** A chart with its text summary and its numbers as a table for people who cannot see the chart. */
export function ClinicianChartFrame({
  title,
  summary,
  table,
  children,
}: {
  title: string;
  summary: string;
  table: { columns: string[]; rows: (string | number)[][] };
  children: React.ReactNode;
}) {
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-4">
      <figcaption>
        <h3 className="text-lg font-semibold">{title}</h3>
        <p className="text-sm text-slate-700">{summary}</p>
      </figcaption>
      <div className="mt-3 h-56 w-full">
        <AfterHydration>{children}</AfterHydration>
      </div>
      {table.rows.length > 0 ? (
        <NumbersDisclosure title={title} columns={table.columns} rows={table.rows} size="compact" />
      ) : null}
    </figure>
  );
}
