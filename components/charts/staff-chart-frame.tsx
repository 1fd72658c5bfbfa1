import { AfterHydration } from './after-hydration';
import { NumbersDisclosure } from './numbers-disclosure';

/**
 * A staff chart (clinician record, manager outcomes) with its text summary and its numbers as a table for
 * people who cannot see the chart. `height` is the drawing's Tailwind height class.
 */
export function StaffChartFrame({
  title,
  summary,
  table,
  height = 'h-56',
  children,
}: {
  title: string;
  summary: string;
  table: { columns: string[]; rows: (string | number)[][] };
  height?: 'h-56' | 'h-60' | 'h-64';
  children: React.ReactNode;
}) {
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-4">
      <figcaption>
        <h3 className="text-lg font-semibold">{title}</h3>
        <p className="text-sm text-slate-700">{summary}</p>
      </figcaption>
      <div className={`mt-3 ${height} w-full`}>
        <AfterHydration>{children}</AfterHydration>
      </div>
      {table.rows.length > 0 ? (
        <NumbersDisclosure title={title} columns={table.columns} rows={table.rows} size="compact" />
      ) : null}
    </figure>
  );
}
