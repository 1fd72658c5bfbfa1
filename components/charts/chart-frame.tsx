import { useId } from 'react';

export type TableColumn = { key: string; label: string };

/**
 * A chart with what every chart needs for people who cannot see it: a heading, a one-sentence summary, a
 * note on how to read it, and the same numbers as a table behind a toggle (native <details>, no script).
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
          <details className="mt-3">
            <summary className="flex min-h-11 cursor-pointer items-center text-base font-semibold text-brand-800">
              Show the numbers as a table
            </summary>
            <div className="mt-2 max-h-80 overflow-auto">
              <table className="w-full border-collapse text-left text-base">
                <caption className="sr-only">{title}</caption>
                <thead>
                  <tr>
                    {columns.map((column) => (
                      <th key={column.key} scope="col" className="border-b border-slate-300 px-2 py-1 font-semibold">
                        {column.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, index) => (
                    <tr key={index} className="odd:bg-slate-50">
                      {columns.map((column, columnIndex) =>
                        columnIndex === 0 ? (
                          <th key={column.key} scope="row" className="px-2 py-1 font-normal">
                            {row[column.key] ?? '–'}
                          </th>
                        ) : (
                          <td key={column.key} className="px-2 py-1">
                            {row[column.key] ?? '–'}
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
