'use client';

import { useState } from 'react';

export type NumbersCell = string | number | null;

const SIZES = {
  // Patient pages: large text and a tall tap target.
  regular: {
    details: 'mt-3',
    summary: 'flex min-h-11 cursor-pointer items-center text-base font-semibold text-brand-800',
    box: 'mt-2 max-h-80 overflow-auto',
    table: 'w-full border-collapse text-left text-base',
    head: 'border-b border-slate-300 px-2 py-1 font-semibold',
    row: 'odd:bg-slate-50',
  },
  // Clinician and manager pages.
  compact: {
    details: 'mt-2 text-sm',
    summary: 'flex min-h-11 cursor-pointer items-center font-semibold text-brand-800',
    box: 'mt-2 max-h-64 overflow-auto',
    table: 'w-full border-collapse text-left',
    head: 'border-b border-slate-300 px-2 py-1 font-semibold',
    row: 'border-b border-slate-100',
  },
} as const;

/**
 * A chart's numbers as a table behind a native <details> toggle ("Show the numbers as a table"), for
 * people who cannot see the chart. The table is built only once the toggle is opened: a record or
 * progress page carries up to ten of them (several hundred cells) that most visits never open, and
 * rendering them on the server cost more than the rest of the page (docs/PERFORMANCE.md).
 * The numbers arrive with the page as data, so opening it by mouse, touch or keyboard shows them at once.
 * The first column heads each row; an empty cell reads as a dash.
 */
export function NumbersDisclosure({
  title,
  columns,
  rows,
  size = 'regular',
}: {
  title: string;
  columns: string[];
  rows: NumbersCell[][];
  size?: keyof typeof SIZES;
}) {
  const [open, setOpen] = useState(false);
  const style = SIZES[size];
  return (
    <details className={style.details} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className={style.summary}>Show the numbers as a table</summary>
      {open ? (
        <div className={style.box}>
          <table className={style.table}>
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col" className={style.head}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index} className={style.row}>
                  {row.map((cell, cellIndex) =>
                    cellIndex === 0 ? (
                      <th key={cellIndex} scope="row" className="px-2 py-1 font-normal">
                        {cell ?? '–'}
                      </th>
                    ) : (
                      <td key={cellIndex} className="px-2 py-1 tabular-nums">
                        {cell ?? '–'}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </details>
  );
}
