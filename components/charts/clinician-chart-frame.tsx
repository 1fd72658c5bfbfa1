import { AfterHydration } from './after-hydration';
import { TableDisclosure } from './table-disclosure';

/** A chart with its text summary and a data table (built when opened) for people who cannot see the chart. */
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
        <TableDisclosure className="mt-2 text-sm" summary="Show the data as a table" summaryClassName="cursor-pointer text-brand-800 underline">
          {() => (
            <div className="mt-2 max-h-64 overflow-auto">
              <table className="min-w-full text-left">
                <caption className="sr-only">{title}</caption>
                <thead>
                  <tr>
                    {table.columns.map((column) => (
                      <th key={column} scope="col" className="border-b border-slate-200 px-2 py-1 font-semibold">
                        {column}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row, index) => (
                    <tr key={index} className="border-b border-slate-100">
                      {row.map((cell, cellIndex) => (
                        <td key={cellIndex} className="px-2 py-1 tabular-nums">
                          {cell}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </TableDisclosure>
      ) : null}
    </figure>
  );
}
