import Link from 'next/link';
import { TableFrame } from '@/components/ui/data-table';
import { MIN_REPORTABLE } from '@/lib/outcomes/definitions';
import type { GroupFigures } from '@/lib/outcomes/figures';
import { formatPercent } from '@/lib/outcomes/figures';
import { changeText, ciText, medianText, shareDetail, shareText, TOO_FEW_TEXT } from './format';

const FIGURE_COLUMNS = [
  'Episodes (active / discharged)',
  'Pain change to discharge',
  'Pain MCID at discharge',
  'ODI change to discharge',
  'ODI MCID at discharge',
  'Median weeks in care',
  'Adherent',
  'Episodes',
].map((label) => ({ label }));

export type GroupRow = { key: string; label: string; href?: string; drillHref: string; figures: GroupFigures };

function Cell({ label, main, detail }: { label: string; main: string; detail?: string | null }) {
  return (
    <td data-label={label} className="px-3 py-2 align-top">
      <span className={main === TOO_FEW_TEXT ? 'text-slate-700 italic' : 'font-semibold'}>{main}</span>
      {detail ? <span className="block text-xs text-slate-700">{detail}</span> : null}
    </td>
  );
}

/** One breakdown (by clinician, month, risk or baseline band) as a table, with suppressed groups marked. */
export function GroupTable({ caption, groupHeading, rows }: { caption: string; groupHeading: string; rows: GroupRow[] }) {
  if (rows.length === 0) return <p className="text-slate-700">No episodes in this range.</p>;
  return (
    <TableFrame caption={caption} columns={[{ label: groupHeading }, ...FIGURE_COLUMNS]}>
      <tbody>
        {rows.map((row) => {
          const { figures } = row;
          const counts = figures.counts;
          return (
            <tr key={row.key} className="border-t border-slate-200">
              <th scope="row" className="px-3 py-2 align-top font-medium">
                {row.href ? (
                  <Link href={row.href} className="inline-flex min-h-6 font-semibold text-brand-800 underline underline-offset-2">
                    {row.label}
                  </Link>
                ) : (
                  row.label
                )}
              </th>
              {counts.reportable ? (
                <>
                  <Cell label="Episodes (active / discharged)" main={String(counts.started)} detail={`${counts.active} active / ${counts.discharged} discharged`} />
                  <Cell label="Pain change to discharge" main={changeText(figures.nprsDischarge)} detail={ciText(figures.nprsDischarge)} />
                  <Cell label="Pain MCID at discharge" main={shareText(figures.nprsMcid)} detail={shareDetail(figures.nprsMcid)} />
                  <Cell label="ODI change to discharge" main={changeText(figures.odiDischarge)} detail={ciText(figures.odiDischarge)} />
                  <Cell label="ODI MCID at discharge" main={shareText(figures.odiMcid)} detail={shareDetail(figures.odiMcid)} />
                  <Cell label="Median weeks in care" main={medianText(figures.weeksInCare)} />
                  <Cell
                    label="Adherent"
                    main={figures.adherence.reportable ? formatPercent(figures.adherence.adherentShare) : TOO_FEW_TEXT}
                    detail={figures.adherence.reportable ? `of ${figures.adherence.n} with a plan` : null}
                  />
                  <td className="px-3 py-2 align-top">
                    <Link href={row.drillHref} className="inline-flex min-h-6 font-semibold text-brand-800 underline underline-offset-2">
                      List<span className="sr-only"> the episodes of {row.label}</span>
                    </Link>
                  </td>
                </>
              ) : (
                // A small group shows no number at all, not even how many episodes it has.
                <td colSpan={8} className="px-3 py-2 align-top text-slate-700 italic">
                  {TOO_FEW_TEXT} (fewer than {MIN_REPORTABLE} episodes)
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </TableFrame>
  );
}
