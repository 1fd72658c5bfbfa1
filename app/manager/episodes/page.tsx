import type { Metadata } from 'next';
import { guardArea } from '@/lib/auth/guard';
import Link from 'next/link';
import { exportHref, FIGURE_TITLES, filterParams, outcomesHref } from '@/components/manager/format';
import { OutcomeFilters } from '@/components/manager/outcome-filters';
import { DataTable, type Column } from '@/components/ui/data-table';
import { getOutcomeContext, listOutcomeEpisodes, monthLabel, type EpisodeListing } from '@/lib/dal/outcomes';
import { RISK_LABELS, SEVERITY_BANDS } from '@/lib/outcomes/definitions';
import { roundHalfUp1 } from '@/lib/clinical/rounding';
import { formatDate } from '@/lib/time';
import { encodeCursor, parseDrillDown, parseOutcomeFilter } from '@/lib/validation/outcomes';

export const metadata: Metadata = { title: 'Episodes behind the figures' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const score = (value: number | null, decimals = false) => (value === null ? '—' : decimals ? roundHalfUp1(value).toFixed(1) : String(value));
const flag = (met: boolean, later: number | null, baseline: number | null = 0) => (later === null || baseline === null ? '—' : met ? 'Yes' : 'No');
const discharged = (row: EpisodeListing) => row.status === 'discharged';

/** Scores to discharge for a discharged episode, to the latest score for an active one. */
function episodeColumns(showNames: boolean): Column<EpisodeListing>[] {
  return [
    {
      label: 'Episode',
      rowHeader: true,
      className: 'font-mono font-semibold whitespace-nowrap',
      cell: (row) => (
        <>
          {row.pseudonym}
          {showNames && row.patientName ? <span className="block font-sans font-normal">{row.patientName}</span> : null}
        </>
      ),
    },
    { label: 'Clinician', cell: (row) => row.clinicianName },
    { label: 'Intake', className: 'whitespace-nowrap', cell: (row) => monthLabel(row.intakeMonth) },
    { label: 'Status', cell: (row) => (discharged(row) ? 'Discharged' : 'Active') },
    { label: 'STarT Back', cell: (row) => (row.risk ? RISK_LABELS[row.risk] : 'Not screened') },
    {
      label: 'Pain baseline → latest / discharge',
      className: 'whitespace-nowrap',
      cell: (row) => `${score(row.nprsBaseline)} → ${score(row.nprsLatest)} / ${discharged(row) ? score(row.nprsDischarge) : '—'}`,
    },
    {
      label: 'Pain MCID',
      cell: (row) => (discharged(row) ? flag(row.nprsMcidDischarge, row.nprsDischarge) : flag(row.nprsMcidLatest, row.nprsLatest)),
    },
    {
      label: 'ODI baseline → latest / discharge',
      className: 'whitespace-nowrap',
      cell: (row) => `${score(row.odiBaseline, true)} → ${score(row.odiLatest, true)} / ${discharged(row) ? score(row.odiDischarge, true) : '—'}`,
    },
    {
      label: 'ODI MCID',
      cell: (row) =>
        discharged(row) ? flag(row.odiMcidDischarge, row.odiDischarge, row.odiBaseline) : flag(row.odiMcidLatest, row.odiLatest, row.odiBaseline),
    },
    { label: 'Weeks', cell: (row) => (row.weeksInCare === null ? '—' : roundHalfUp1(row.weeksInCare).toFixed(1)) },
    { label: 'Adherence', cell: (row) => (row.adherence === null ? 'No plan' : `${Math.round(Math.min(row.adherence, 1) * 100)} %`) },
  ];
}

export default async function OutcomeEpisodesPage({ searchParams }: { searchParams: SearchParams }) {
  // The layout renders in parallel: check here too so other roles get the 403 page, not an error.
  await guardArea('manager');
  const params = await searchParams;
  const context = await getOutcomeContext();
  const parsed = parseOutcomeFilter(params, context.today);
  const { filter } = parsed;
  const drill = parseDrillDown(params);
  const { rows, next } = await listOutcomeEpisodes(filter, drill);

  const groupLabel = (() => {
    if (!drill.dimension || !drill.key) return null;
    if (drill.dimension === 'clinician') return `Clinician: ${context.clinicians.find((c) => c.id === drill.key)?.name ?? 'unknown'}`;
    if (drill.dimension === 'month') return `Month of intake: ${/^\d{4}-\d{2}$/.test(drill.key) ? monthLabel(drill.key) : drill.key}`;
    if (drill.dimension === 'risk') return `STarT Back: ${RISK_LABELS[drill.key] ?? drill.key}`;
    return `Baseline pain: ${SEVERITY_BANDS.find((band) => band.band === drill.key)?.label ?? drill.key}`;
  })();
  const title = FIGURE_TITLES[drill.figure ?? 'started'] ?? 'Episodes';
  const clinicianName = filter.clinicianId ? context.clinicians.find((clinician) => clinician.id === filter.clinicianId)?.name : null;
  const hidden: Record<string, string> = {
    ...(drill.figure ? { figure: drill.figure } : {}),
    ...(drill.dimension && drill.key ? { dimension: drill.dimension, key: drill.key } : {}),
  };
  const nextHref = next
    ? `/manager/episodes?${new URLSearchParams({ ...filterParams(filter), ...hidden, after: encodeCursor(next) }).toString()}`
    : null;
  const showNames = context.managersSeePatientIdentity;

  return (
    <div className="space-y-6">
      <div>
        <Link href={outcomesHref(filter)} className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline underline-offset-2">
          ← Back to outcomes
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{title}</h1>
        <p className="mt-1 text-slate-800">
          Episodes starting {formatDate(filter.from, context.timeZone)} to {formatDate(filter.to, context.timeZone)},{' '}
          {clinicianName ? `clinician ${clinicianName}` : 'all clinicians'}
          {groupLabel ? `. ${groupLabel}` : ''}.
        </p>
        <p className="mt-1 text-sm text-slate-700">
          {showNames
            ? 'Your clinic allows managers to see patient names.'
            : 'Patients are shown by a stable pseudonymous id; your clinic does not show names to managers.'}{' '}
          This list is recorded in the audit trail.
        </p>
      </div>

      <OutcomeFilters action="/manager/episodes" parsed={parsed} clinicians={context.clinicians} hidden={hidden} resetHref={`/manager/episodes?${new URLSearchParams(hidden).toString()}`} />

      {rows.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-5 text-slate-800">No episodes match.</p>
      ) : (
        <DataTable caption={`${title}: episodes and their scores`} columns={episodeColumns(showNames)} rows={rows} rowKey={(row) => row.id} />
      )}
      <div className="flex flex-wrap items-center gap-4">
        <p className="text-slate-800">
          Showing {rows.length} episode{rows.length === 1 ? '' : 's'}
          {drill.after ? ' (a later page)' : ''}.
        </p>
        {nextHref ? (
          <Link href={nextHref} className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline underline-offset-2">
            Next page
          </Link>
        ) : null}
        <a href={exportHref(filter)} download className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline underline-offset-2">
          Download all episodes in this range as CSV
        </a>
      </div>
      <p className="text-sm text-slate-700">
        MCID column: at discharge for discharged episodes, at the latest score for active ones. “—” means there is no later score to
        compare. See the definitions on the outcomes page.
      </p>
    </div>
  );
}
