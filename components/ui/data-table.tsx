import type { ReactNode } from 'react';

/** A column's heading. */
export type ColumnHead = {
  /** The heading, and each cell's label when the table stacks into cards on a phone (`.stack-table`). */
  label: string;
  /** Numbers: right-aligned, in figures of one width. */
  numeric?: boolean;
  /** A heading for screen readers only, over a column of buttons that name themselves. */
  hideLabel?: boolean;
};

/** A column of a DataTable: its heading and how to draw one row's cell. */
export type Column<Row> = ColumnHead & {
  cell: (row: Row) => ReactNode;
  /** The column that names each row: its cells are row headers (`<th scope="row">`). */
  rowHeader?: boolean;
  /** Controls rather than a value: the cell carries no label on a phone, its controls name themselves. */
  controls?: boolean;
  /** More classes for this column's cells (a row header's default weight is font-medium). */
  className?: string;
};

const CELL = 'px-3 py-2';
const align = (column: ColumnHead) => (column.numeric ? 'text-right tabular-nums' : '');

/**
 * A staff table's frame: the scrolling card, the caption (its accessible name) and the heading row.
 * The body is the caller's, for tables whose rows are more than one cell per column (see DataTable).
 */
export function TableFrame({ caption, columns, id, children }: { caption: string; columns: readonly ColumnHead[]; id?: string; children: ReactNode }) {
  return (
    <div id={id} className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="stack-table min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-800">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={`${CELL} font-semibold ${align(column)}`}>
                {column.hideLabel ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}

/**
 * A table drawn from its columns: each cell gets its column's label for the phone layout, so heading
 * and label cannot drift apart.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  rowClassName,
  id,
}: {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowClassName?: (row: Row) => string;
  id?: string;
}) {
  return (
    <TableFrame caption={caption} columns={columns} id={id}>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className={`border-t border-slate-200 align-top ${rowClassName?.(row) ?? ''}`}>
            {columns.map((column) => {
              const className = `${CELL} ${align(column)} ${column.className ?? (column.rowHeader ? 'font-medium' : '')}`;
              return column.rowHeader ? (
                <th key={column.label} scope="row" className={className}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={column.label} data-label={column.controls ? undefined : column.label} className={className}>
                  {column.cell(row)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}
