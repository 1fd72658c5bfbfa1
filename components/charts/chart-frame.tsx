import { useId } from 'react';
import { NumbersDisclosure } from './numbers-disclosure';

export type TableColumn = { key: string; label: string };

/**
 * A chart with what every chart needs for people who cannot see it: a heading, a one-sentence summary, a
 * note on how to read it, and the same numbers as a table behind a toggle (native <details>; the table
 * is built when it is opened, see NumbersDisclosure).
 */
export function ChartFrame({
  title,
  summary,
  explanation,
  columns,
  rows,
  emptyText,
  before,
  children,
}: {
  title: string;
  summary: string;
  explanation?: string;
  columns: TableColumn[];
  rows: Record<string, string | number | null>[];
  emptyText: string;
  /** Controls shown above the summary, such as a choice of what to plot. */
  before?: React.ReactNode;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-5">
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {title}
      </h2>
      {before}
      {rows.length === 0 ? (
        <p className="mt-2 text-lg">{emptyText}</p>
      ) : (
        <>
          <p className="mt-2 text-lg font-medium">{summary}</p>
          {explanation ? <p className="mt-1 text-base text-slate-700">{explanation}</p> : null}
          <div className="mt-3">
            {children}
          </div>
          <NumbersDisclosure
            title={title}
            columns={columns.map((column) => column.label)}
            rows={rows.map((row) => columns.map((column) => row[column.key] ?? null))}
          />
        </>
      )}
    </section>
  );
}
