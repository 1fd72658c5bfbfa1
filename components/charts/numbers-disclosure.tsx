'use client';

import type { TableColumn } from './chart-frame';
import { TableDisclosure } from './table-disclosure';

/** The patient charts' "Show the numbers as a table": the same numbers as the chart, built when opened. */
export function NumbersDisclosure({ title, columns, rows }: { title: string; columns: TableColumn[]; rows: Record<string, string | number | null>[] }) {
  return (
    <TableDisclosure
      className="mt-3"
      summary="Show the numbers as a table"
      summaryClassName="flex min-h-11 cursor-pointer items-center text-base font-semibold text-brand-800"
    >
      {() => (
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
      )}
    </TableDisclosure>
  );
}
