import type { Metadata } from 'next';
import { AppLink } from '@/components/ui/app-link';
import { PageLinks } from '@/components/ui/page-links';
import { PageHeading } from '@/components/ui/page-heading';
import { CaseloadRows, type CaseloadRowView } from '@/components/clinician/caseload-rows';
import { FigureDefinitions } from '@/components/clinician/figure-definitions';
import { FlagLegend } from '@/components/clinician/flag-badge';
import { guardArea } from '@/lib/auth/guard';
import { ALERT_REASONS } from '@/lib/clinical/alerts';
import {
  adherenceFigure,
  BASELINE_PAIN,
  LATEST_PAIN,
  ODI_BASELINE_AND_CHANGE,
  PAIN_CHANGE,
  QUESTIONNAIRE_OVERDUE,
} from '@/lib/clinical/figures';
import { listCaseload, type CaseloadRow } from '@/lib/dal/caseload';
import { getMyAwayStatus } from '@/lib/dal/cover';
import { formatDate, formatShortDateTime } from '@/lib/time';

import { caseloadQuerySchema, CASELOAD_FLAG_KEYS, type CaseloadSearch } from '@/lib/validation/caseload';

export const metadata: Metadata = { title: 'Caseload' };

type SortKey = CaseloadSearch['sort'];

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Patient' },
  { key: 'attention', label: 'Needs attention' },
  { key: 'weeks', label: 'Weeks in care', numeric: true },
  { key: 'risk', label: 'STarT Back' },
  { key: 'pain', label: 'Pain now', numeric: true },
  { key: 'pain-change', label: 'Pain change', numeric: true },
  { key: 'odi', label: 'ODI %', numeric: true },
  { key: 'odi-change', label: 'ODI change', numeric: true },
  { key: 'adherence', label: 'Adherence 7 d', numeric: true },
  { key: 'activity', label: 'Last activity' },
];

function href(search: CaseloadSearch, changes: Partial<CaseloadSearch>): string {
  const next = { ...search, ...changes };
  const params = new URLSearchParams();
  if (next.sort !== 'attention') params.set('sort', next.sort);
  if (next.dir !== 'asc') params.set('dir', next.dir);
  if (next.flag) params.set('flag', next.flag);
  if (next.q) params.set('q', next.q);
  if (next.page > 1) params.set('page', String(next.page));
  const text = params.toString();
  return text ? `/clinician?${text}` : '/clinician';
}

export default async function CaseloadPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = caseloadQuerySchema.parse(await searchParams);
  const viewer = await guardArea('clinician');
  const [caseload, away] = await Promise.all([
    listCaseload({ sort: search.sort, direction: search.dir, flag: search.flag, search: search.q, page: search.page }),
    getMyAwayStatus(),
  ]);
  const filtered = search.flag !== null || search.q !== '';
  return (
    <div className="space-y-4">
      <PageHeading
        title="Caseload"
        summary={
          <>
            {caseload.total} {filtered ? 'matching' : 'active'} {caseload.total === 1 ? 'patient' : 'patients'}
            {search.sort === 'attention' ? ', those needing attention first.' : '.'}
          </>
        }
      >
        <AppLink href="/clinician/patients/new" className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          Add patient
        </AppLink>
      </PageHeading>

      {away.coveringFor.length > 0 ? (
        <p className="rounded-lg border-l-4 border-brand-700 bg-brand-50 p-3">
          You are covering for{' '}
          {away.coveringFor.map((colleague) => `${colleague.name} (away since ${formatDate(colleague.awaySince, viewer.timeZone)})`).join(', ')}.
          Their patients are in this list and their alerts in your inbox until they are back.
        </p>
      ) : null}
      {away.away ? (
        <p className="rounded-lg border-l-4 border-brand-700 bg-brand-50 p-3">
          You are marked away: {away.cover?.name} sees your patients and alerts.{' '}
          <AppLink href="/clinician/account#away-heading" className="font-semibold text-brand-800 underline">Back at work?</AppLink>
        </p>
      ) : null}
      <form method="get" action="/clinician" className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3" role="search" aria-label="Filter the caseload">
        <div>
          <label htmlFor="caseload-q" className="block text-sm font-medium">Search by name</label>
          <input id="caseload-q" name="q" type="search" defaultValue={search.q} maxLength={100} className="mt-1 min-h-10 w-64 rounded-md border border-slate-400 px-2 py-1" />
        </div>
        <div>
          <label htmlFor="caseload-flag" className="block text-sm font-medium">Flag</label>
          <select id="caseload-flag" name="flag" defaultValue={search.flag ?? ''} className="mt-1 min-h-10 rounded-md border border-slate-400 bg-white px-2 py-1">
            <option value="">Any</option>
            {CASELOAD_FLAG_KEYS.map((flag) => (
              <option key={flag} value={flag}>{ALERT_REASONS[flag].label}</option>
            ))}
          </select>
        </div>
        {search.sort !== 'attention' ? <input type="hidden" name="sort" value={search.sort} /> : null}
        {search.dir !== 'asc' ? <input type="hidden" name="dir" value={search.dir} /> : null}
        <button type="submit" className="min-h-10 rounded-md bg-brand-700 px-4 py-1 font-semibold text-white hover:bg-brand-800">Apply</button>
        {filtered ? <AppLink href={href(search, { flag: null, q: '', page: 1 })} className="min-h-10 py-2 text-brand-800 underline">Clear</AppLink> : null}
      </form>

      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="stack-table stack-table-head min-w-full text-left text-sm">
          <caption className="sr-only">
            Your patients in active care. Column headings sort the table.
          </caption>
          <thead className="bg-slate-100 text-slate-800">
            <tr>
              {COLUMNS.map((column) => {
                const active = search.sort === column.key;
                const nextDir = active && search.dir === 'asc' && column.key !== 'attention' ? 'desc' : 'asc';
                return (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={active ? (search.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                    className={`px-3 py-2 font-semibold whitespace-nowrap ${column.numeric ? 'text-right' : ''}`}
                  >
                    <AppLink href={href(search, { sort: column.key, dir: nextDir, page: 1 })} className="underline-offset-2 hover:underline">
                      {column.label}
                      {active && column.key !== 'attention' ? <span aria-hidden="true">{search.dir === 'asc' ? ' ▲' : ' ▼'}</span> : null}
                    </AppLink>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            <CaseloadRows rows={caseload.rows.map((row) => rowView(row, viewer.timeZone))} />
            {caseload.rows.length === 0 ? (
              <tr>
                <td colSpan={COLUMNS.length} className="px-3 py-6 text-center text-slate-700">
                  {filtered ? 'No patients match this search.' : 'No patients in active care yet.'}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>

      <PageLinks label="Caseload pages" page={caseload.page} pageCount={caseload.pageCount} hrefFor={(page) => href(search, { page })} />
      <FlagLegend reasons={CASELOAD_FLAG_KEYS} />
      <FigureDefinitions
        id="caseload-definitions"
        definitions={[{ ...LATEST_PAIN, term: 'Pain now' }, BASELINE_PAIN, PAIN_CHANGE, { ...ODI_BASELINE_AND_CHANGE, term: 'ODI change' }, adherenceFigure('recent', 'Adherence 7 d'), QUESTIONNAIRE_OVERDUE]}
      />
    </div>
  );
}


const RISK_LABELS = { low: 'Low', medium: 'Medium', high: 'High' } as const;

/** A row in words for the client table: dates formatted here, in the viewer's time zone, never again in the browser. */
function rowView(row: CaseloadRow, timeZone: string): CaseloadRowView {
  return {
    episodeId: row.episodeId,
    patientName: row.patientName,
    flags: row.flags,
    weeksInCare: row.weeksInCare,
    risk: row.startbackRisk ? RISK_LABELS[row.startbackRisk] : '—',
    latestPain: row.latestPain,
    painChange: row.painChange,
    odiLatest: row.odiLatest,
    odiChange: row.odiChange,
    adherence7: row.adherence7,
    lastActivity: row.lastActivityAt ? formatShortDateTime(row.lastActivityAt, timeZone) : 'Never',
  };
}
