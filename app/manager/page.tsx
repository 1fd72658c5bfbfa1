import type { Metadata } from 'next';
import { guardArea } from '@/lib/auth/guard';
import Link from 'next/link';
import { ManagerBarChart } from '@/components/charts/manager-bar-chart';
import { ManagerCohortChart } from '@/components/charts/manager-cohort-chart';
import { FigureCard } from '@/components/manager/figure-card';
import {
  changeText,
  ciText,
  drillHref,
  exportHref,
  medianText,
  outcomesHref,
  shareDetail,
  shareText,
  TOO_FEW_TEXT,
} from '@/components/manager/format';
import { GroupTable, type GroupRow } from '@/components/manager/group-table';
import { OutcomeDefinitions } from '@/components/manager/outcome-definitions';
import { OutcomeFilters } from '@/components/manager/outcome-filters';
import { getClinicOutcomes, getOutcomeContext, type OutcomeGroup } from '@/lib/dal/outcomes';
import { getClinicCounts } from '@/lib/dal/overview';
import { COMPLETE_CASE_WARNING, MIN_REPORTABLE } from '@/lib/outcomes/definitions';
import { formatPercent } from '@/lib/outcomes/figures';
import { formatDate } from '@/lib/time';
import { parseOutcomeFilter, type OutcomeFilter } from '@/lib/validation/outcomes';

export const metadata: Metadata = { title: 'Clinic outcomes' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function rowsFor(groups: OutcomeGroup[], filter: OutcomeFilter, dimension: string, linkToClinician = false): GroupRow[] {
  return groups.map((group) => ({
    ...group,
    href: linkToClinician ? outcomesHref({ ...filter, clinicianId: group.key }) : undefined,
    drillHref: drillHref(filter, { dimension, key: group.key }),
  }));
}

export default async function OutcomesPage({ searchParams }: { searchParams: SearchParams }) {
  // The layout renders in parallel: check here too so other roles get the 403 page, not an error.
  await guardArea('manager');
  const context = await getOutcomeContext();
  const parsed = parseOutcomeFilter(await searchParams, context.today);
  const { filter } = parsed;
  const [outcomes, counts] = await Promise.all([getClinicOutcomes(filter), getClinicCounts()]);
  const { overall } = outcomes;
  const clinicianName = filter.clinicianId ? context.clinicians.find((clinician) => clinician.id === filter.clinicianId)?.name : null;
  const rangeText = `${formatDate(filter.from, context.timeZone)} to ${formatDate(filter.to, context.timeZone)}`;
  const scopeText = `Episodes starting ${rangeText}, ${clinicianName ? `clinician ${clinicianName}` : 'all clinicians'}.`;
  const href = (figure: string) => drillHref(filter, { figure });

  const clinicianBars = outcomes.byClinician.map((group) => ({
    label: group.label,
    value: group.figures.nprsDischarge.reportable ? Number(group.figures.nprsDischarge.mean.toFixed(2)) : null,
    display: group.figures.nprsDischarge.reportable
      ? `${changeText(group.figures.nprsDischarge)} (${ciText(group.figures.nprsDischarge)})`
      : TOO_FEW_TEXT,
  }));
  const reported = clinicianBars.filter((bar) => bar.value !== null);
  const clinicianSummary =
    reported.length === 0
      ? `No clinician has ${MIN_REPORTABLE} or more discharged episodes with pain scores in this range, so no bar is drawn.`
      : `Mean change in pain from baseline to discharge: ${reported.map((bar) => `${bar.label} ${bar.display}`).join('; ')}.` +
        (reported.length < clinicianBars.length ? ` ${clinicianBars.length - reported.length} clinician(s) had too few to report.` : '');

  const cohort = outcomes.byMonth.map((group) => ({
    month: group.label,
    discharge: group.figures.nprsDischarge.reportable ? Number(group.figures.nprsDischarge.mean.toFixed(2)) : null,
    latest: group.figures.nprsLatest.reportable ? Number(group.figures.nprsLatest.mean.toFixed(2)) : null,
    dischargeDisplay: changeText(group.figures.nprsDischarge),
    latestDisplay: changeText(group.figures.nprsLatest),
  }));
  const cohortPoints = cohort.filter((point) => point.discharge !== null || point.latest !== null);
  const cohortSummary =
    cohortPoints.length === 0
      ? `No month of intake has ${MIN_REPORTABLE} or more episodes with follow-up pain scores, so no line is drawn.`
      : `Mean pain change by month of intake: ${cohortPoints
          .map((point) => `${point.month} ${[point.discharge !== null ? `to discharge ${point.dischargeDisplay}` : null, point.latest !== null ? `to latest ${point.latestDisplay}` : null].filter(Boolean).join(', ')}`)
          .join('; ')}. Other months had too few to report.`;

  const adherence = overall.adherence;
  const adherenceBars = adherence.reportable
    ? adherence.bands.map((band) => ({ label: band.label, value: Math.round(band.share * 100), display: `${band.count} (${formatPercent(band.share)})` }))
    : [];

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Clinic outcomes</p>
        <h1 className="text-2xl font-bold">{context.clinicName}</h1>
        <dl className="mt-3 flex flex-wrap gap-x-8 gap-y-2 text-sm">
          {[
            ['Patients in active care', counts.activePatients],
            ['Active episodes of care', counts.activeEpisodes],
            ['Clinicians', counts.clinicians],
          ].map(([label, value]) => (
            <div key={label} className="flex items-baseline gap-2">
              <dt className="text-slate-700">{label}</dt>
              <dd className="text-lg font-bold">{value}</dd>
            </div>
          ))}
        </dl>
      </div>

      <section aria-labelledby="filters-heading" className="space-y-3">
        <h2 id="filters-heading" className="sr-only">Filters</h2>
        <OutcomeFilters action="/manager" parsed={parsed} clinicians={context.clinicians} resetHref="/manager" />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-slate-800" role="status">{scopeText}</p>
          <a href={exportHref(filter)} download className="inline-flex min-h-11 items-center rounded-lg border border-slate-400 bg-white px-4 py-2 font-semibold hover:bg-slate-100">
            Download CSV (episode level)
          </a>
        </div>
      </section>

      <section aria-labelledby="episodes-heading" className="space-y-3">
        <h2 id="episodes-heading" className="text-xl font-semibold">Episodes</h2>
        <dl className="grid gap-4 sm:grid-cols-3">
          {overall.counts.reportable ? (
            <>
              <FigureCard title="Episodes started" value={String(overall.counts.started)} href={href('started')} />
              <FigureCard title="Active" value={String(overall.counts.active)} href={href('active')} />
              <FigureCard title="Discharged" value={String(overall.counts.discharged)} href={href('discharged')} />
            </>
          ) : (
            <FigureCard title="Episodes started" value={TOO_FEW_TEXT} note={`Fewer than ${MIN_REPORTABLE} episodes started in this range.`} href={href('started')} />
          )}
        </dl>
      </section>

      <section aria-labelledby="pain-heading" className="space-y-3">
        <h2 id="pain-heading" className="text-xl font-semibold">Pain (NPRS 0–10)</h2>
        <p className="text-sm text-slate-700">Change = later score minus baseline; negative means less pain.</p>
        <dl className="grid gap-4 sm:grid-cols-3">
          <FigureCard title="Mean change to discharge" value={changeText(overall.nprsDischarge)} detail={ciText(overall.nprsDischarge)} href={href('nprs-discharge')} />
          <FigureCard title="Mean change to latest (active episodes)" value={changeText(overall.nprsLatest)} detail={ciText(overall.nprsLatest)} href={href('nprs-latest')} />
          <FigureCard title="Reached the pain MCID at discharge" value={shareText(overall.nprsMcid)} detail={shareDetail(overall.nprsMcid)} href={href('nprs-mcid')} />
        </dl>
      </section>

      <section aria-labelledby="odi-heading" className="space-y-3">
        <h2 id="odi-heading" className="text-xl font-semibold">Disability (Oswestry Disability Index, 0–100)</h2>
        <dl className="grid gap-4 sm:grid-cols-3">
          <FigureCard title="Mean change to discharge" value={changeText(overall.odiDischarge)} detail={ciText(overall.odiDischarge)} href={href('odi-discharge')} />
          <FigureCard title="Mean change to latest (active episodes)" value={changeText(overall.odiLatest)} detail={ciText(overall.odiLatest)} href={href('odi-latest')} />
          <FigureCard title="Reached the ODI MCID at discharge" value={shareText(overall.odiMcid)} detail={shareDetail(overall.odiMcid)} href={href('odi-mcid')} />
        </dl>
      </section>

      <section aria-labelledby="care-heading" className="space-y-3">
        <h2 id="care-heading" className="text-xl font-semibold">Time in care and questionnaires</h2>
        <dl className="grid gap-4 sm:grid-cols-3">
          <FigureCard title="Median weeks in care (discharged)" value={medianText(overall.weeksInCare)} detail={overall.weeksInCare.reportable ? `n = ${overall.weeksInCare.n}` : null} href={href('weeks')} />
          <FigureCard title="Baseline ODI completed" value={shareText(overall.baselineCompletion)} detail={shareDetail(overall.baselineCompletion)} href={href('odi-baseline-done')} />
          <FigureCard title="Discharge ODI completed" value={shareText(overall.dischargeCompletion)} detail={shareDetail(overall.dischargeCompletion)} href={href('odi-discharge-done')} />
        </dl>
        <p className="rounded-lg border-l-4 border-amber-600 bg-amber-50 p-3 text-sm text-amber-950">
          <strong>Complete cases only.</strong> {COMPLETE_CASE_WARNING}
        </p>
      </section>

      <section aria-labelledby="adherence-heading" className="space-y-3">
        <h2 id="adherence-heading" className="text-xl font-semibold">Exercise adherence</h2>
        {adherence.reportable ? (
          <ManagerBarChart
            title="Adherence over the last 28 days of each episode"
            summary={`${formatPercent(adherence.adherentShare)} of ${adherence.n} episodes with a plan were adherent (80 % or more of prescribed sessions logged). ${adherence.bands.map((band) => `${band.label}: ${band.count}`).join('; ')}.`}
            valueLabel="Share of episodes"
            unit="%"
            domain={[0, 100]}
            data={adherenceBars}
          />
        ) : (
          <p className="text-slate-700">{TOO_FEW_TEXT}: fewer than {MIN_REPORTABLE} episodes have a plan in their last 28 days.</p>
        )}
        <p>
          <Link href={href('adherent')} className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline underline-offset-2">
            See the adherent episodes
          </Link>
        </p>
      </section>

      <section aria-labelledby="clinician-heading" className="space-y-3">
        <h2 id="clinician-heading" className="text-xl font-semibold">By clinician</h2>
        <ManagerBarChart
          title="Mean pain change to discharge, by clinician"
          summary={clinicianSummary}
          valueLabel="Mean change (points)"
          data={clinicianBars}
        />
        <GroupTable caption="Outcomes by clinician" groupHeading="Clinician" rows={rowsFor(outcomes.byClinician, filter, 'clinician', true)} />
      </section>

      <section aria-labelledby="cohort-heading" className="space-y-3">
        <h2 id="cohort-heading" className="text-xl font-semibold">By month of intake</h2>
        <ManagerCohortChart title="Mean pain change by month of intake" summary={cohortSummary} data={cohort} />
        <GroupTable caption="Outcomes by month of intake" groupHeading="Month of intake" rows={rowsFor(outcomes.byMonth.filter((group) => !group.empty), filter, 'month')} />
      </section>

      <section aria-labelledby="risk-heading" className="space-y-3">
        <h2 id="risk-heading" className="text-xl font-semibold">By STarT Back risk group</h2>
        <GroupTable caption="Outcomes by STarT Back risk group" groupHeading="Risk group (first screen)" rows={rowsFor(outcomes.byRisk, filter, 'risk')} />
      </section>

      <section aria-labelledby="severity-heading" className="space-y-3">
        <h2 id="severity-heading" className="text-xl font-semibold">By baseline pain</h2>
        <GroupTable caption="Outcomes by baseline pain band" groupHeading="Baseline pain band" rows={rowsFor(outcomes.bySeverity, filter, 'severity')} />
      </section>

      <OutcomeDefinitions />
      <p className="text-sm text-slate-700">
        Figures are worked out by the database from the stored scores each time this page loads. The CSV holds every episode behind
        them with the same definitions at the top, so any figure can be checked.
      </p>
    </div>
  );
}
