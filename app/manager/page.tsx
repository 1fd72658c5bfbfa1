import type { Metadata } from 'next';
import { Suspense } from 'react';
import { exportHref } from '@/components/manager/format';
import { OutcomeDefinitions } from '@/components/manager/outcome-definitions';
import { OutcomeFilters } from '@/components/manager/outcome-filters';
import { guardArea } from '@/lib/auth/guard';
import { getOutcomeContext } from '@/lib/dal/outcomes';
import { formatDate } from '@/lib/time';
import { parseOutcomeFilter } from '@/lib/validation/outcomes';
import { ClinicCounts, ClinicCountsSkeleton } from './_components/clinic-counts';
import { ClinicianBreakdown, CohortBreakdown, RiskBreakdown, SeverityBreakdown, TableSkeleton } from './_components/outcome-breakdowns';
import { AdherenceFigures, CareFigures, ChangeFigures, ChartSkeleton, EpisodeFigures, FigureRowSkeleton } from './_components/outcome-figures';

export const metadata: Metadata = { title: 'Clinic outcomes' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One outcome panel under its heading, streamed behind its own boundary: `fallback` is a skeleton of its size. */
function Section({ id, title, note, fallback, children }: { id: string; title: string; note?: string; fallback: React.ReactNode; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-xl font-semibold">{title}</h2>
      {note ? <p className="text-sm text-slate-700">{note}</p> : null}
      <Suspense fallback={fallback}>{children}</Suspense>
    </section>
  );
}

/**
 * The shell (clinic name, filters) renders from the clinic's context alone; the counts and then the
 * outcome panels stream in, each behind its own boundary with a skeleton of its size.
 */
export default async function OutcomesPage({ searchParams }: { searchParams: SearchParams }) {
  // The layout renders in parallel: check here too so other roles get the 403 page, not an error.
  await guardArea('manager');
  const context = await getOutcomeContext();
  const parsed = parseOutcomeFilter(await searchParams, context.today);
  const { filter } = parsed;
  const clinicianName = filter.clinicianId ? context.clinicians.find((clinician) => clinician.id === filter.clinicianId)?.name : null;
  const rangeText = `${formatDate(filter.from, context.timeZone)} to ${formatDate(filter.to, context.timeZone)}`;
  const scopeText = `Episodes starting ${rangeText}, ${clinicianName ? `clinician ${clinicianName}` : 'all clinicians'}.`;

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Clinic outcomes</p>
        <h1 className="text-2xl font-bold">{context.clinicName}</h1>
        <Suspense fallback={<ClinicCountsSkeleton />}>
          <ClinicCounts />
        </Suspense>
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

      <Section id="episodes-heading" title="Episodes" fallback={<FigureRowSkeleton label="the episode counts" />}>
        <EpisodeFigures filter={filter} />
      </Section>

      <Section id="pain-heading" title="Pain (NPRS 0–10)" note="Change = later score minus baseline; negative means less pain." fallback={<FigureRowSkeleton label="the pain figures" />}>
        <ChangeFigures filter={filter} measure="nprs" />
      </Section>

      <Section id="odi-heading" title="Disability (Oswestry Disability Index, 0–100)" fallback={<FigureRowSkeleton label="the disability figures" />}>
        <ChangeFigures filter={filter} measure="odi" />
      </Section>

      <Section id="care-heading" title="Time in care and questionnaires" fallback={<FigureRowSkeleton label="the time in care and questionnaire figures" />}>
        <CareFigures filter={filter} />
      </Section>

      <Section id="adherence-heading" title="Exercise adherence" fallback={<ChartSkeleton label="the adherence chart" />}>
        <AdherenceFigures filter={filter} />
      </Section>

      <Section id="clinician-heading" title="By clinician" fallback={<ChartSkeleton label="the figures by clinician" table />}>
        <ClinicianBreakdown filter={filter} />
      </Section>

      <Section id="cohort-heading" title="By month of intake" fallback={<ChartSkeleton label="the figures by month of intake" table />}>
        <CohortBreakdown filter={filter} />
      </Section>

      <Section id="risk-heading" title="By STarT Back risk group" fallback={<TableSkeleton label="the figures by risk group" />}>
        <RiskBreakdown filter={filter} />
      </Section>

      <Section id="severity-heading" title="By baseline pain" fallback={<TableSkeleton label="the figures by baseline pain" />}>
        <SeverityBreakdown filter={filter} />
      </Section>

      <OutcomeDefinitions />
      <p className="text-sm text-slate-700">
        Figures are worked out by the database from the stored scores each time this page loads. The CSV holds every episode behind
        them with the same definitions at the top, so any figure can be checked.
      </p>
    </div>
  );
}
