import Link from 'next/link';
import { ManagerBarChart } from '@/components/charts/manager-bar-chart';
import { FigureCard } from '@/components/manager/figure-card';
import { changeText, ciText, drillHref, medianText, shareDetail, shareText, TOO_FEW_TEXT } from '@/components/manager/format';
import { PanelSkeleton, SkeletonBlock } from '@/components/ui/skeleton';
import { getClinicOutcomes, type ClinicOutcomes } from '@/lib/dal/outcomes';
import { COMPLETE_CASE_WARNING, MIN_REPORTABLE } from '@/lib/outcomes/definitions';
import { formatPercent } from '@/lib/outcomes/figures';
import { holdPanelForTest } from '@/lib/testing/slow-panel';
import type { OutcomeFilter } from '@/lib/validation/outcomes';

/**
 * The clinic's figures for the filter. Every panel of the overview asks for them; React cache in the
 * data layer runs the one aggregate statement once per request, and the panels appear when it is done.
 */
export async function outcomesFor(filter: OutcomeFilter): Promise<ClinicOutcomes> {
  await holdPanelForTest('outcomes');
  return getClinicOutcomes(filter);
}

const figureLink = (filter: OutcomeFilter) => (figure: string) => drillHref(filter, { figure });

/** Three headline figures in a row (one column on a phone), as cards of a definition list. */
export function FigureRowSkeleton({ label }: { label: string }) {
  return (
    <PanelSkeleton label={label} className="grid gap-4 sm:grid-cols-3">
      {[0, 1, 2].map((index) => (
        <SkeletonBlock key={index} className="h-[10.5rem]" />
      ))}
    </PanelSkeleton>
  );
}

export async function EpisodeFigures({ filter }: { filter: OutcomeFilter }) {
  const { overall } = await outcomesFor(filter);
  const href = figureLink(filter);
  return (
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
  );
}

/** The name each measure's MCID goes by on the figure cards. */
const MCID_NAMES = { nprs: 'pain', odi: 'ODI' } as const;

/** Mean change to discharge and to the latest score, and the share reaching the MCID, for pain (NPRS) or disability (ODI). */
export async function ChangeFigures({ filter, measure }: { filter: OutcomeFilter; measure: keyof typeof MCID_NAMES }) {
  const { overall } = await outcomesFor(filter);
  const href = figureLink(filter);
  const [discharge, latest, mcid] = [overall[`${measure}Discharge`], overall[`${measure}Latest`], overall[`${measure}Mcid`]];
  return (
    <dl className="grid gap-4 sm:grid-cols-3">
      <FigureCard title="Mean change to discharge" value={changeText(discharge)} detail={ciText(discharge)} href={href(`${measure}-discharge`)} />
      <FigureCard title="Mean change to latest (active episodes)" value={changeText(latest)} detail={ciText(latest)} href={href(`${measure}-latest`)} />
      <FigureCard title={`Reached the ${MCID_NAMES[measure]} MCID at discharge`} value={shareText(mcid)} detail={shareDetail(mcid)} href={href(`${measure}-mcid`)} />
    </dl>
  );
}

export async function CareFigures({ filter }: { filter: OutcomeFilter }) {
  const { overall } = await outcomesFor(filter);
  const href = figureLink(filter);
  return (
    <>
      <dl className="grid gap-4 sm:grid-cols-3">
        <FigureCard title="Median weeks in care (discharged)" value={medianText(overall.weeksInCare)} detail={overall.weeksInCare.reportable ? `n = ${overall.weeksInCare.n}` : null} href={href('weeks')} />
        <FigureCard title="Baseline ODI completed" value={shareText(overall.baselineCompletion)} detail={shareDetail(overall.baselineCompletion)} href={href('odi-baseline-done')} />
        <FigureCard title="Discharge ODI completed" value={shareText(overall.dischargeCompletion)} detail={shareDetail(overall.dischargeCompletion)} href={href('odi-discharge-done')} />
      </dl>
      <p className="rounded-lg border-l-4 border-amber-600 bg-amber-50 p-3 text-sm text-amber-950">
        <strong>Complete cases only.</strong> {COMPLETE_CASE_WARNING}
      </p>
    </>
  );
}

export async function AdherenceFigures({ filter }: { filter: OutcomeFilter }) {
  const { adherence } = (await outcomesFor(filter)).overall;
  const bars = adherence.reportable
    ? adherence.bands.map((band) => ({ label: band.label, value: Math.round(band.share * 100), display: `${band.count} (${formatPercent(band.share)})` }))
    : [];
  return (
    <>
      {adherence.reportable ? (
        <ManagerBarChart
          title="Adherence over the last 28 days of each episode"
          summary={`${formatPercent(adherence.adherentShare)} of ${adherence.n} episodes with a plan were adherent (80 % or more of prescribed sessions logged). ${adherence.bands.map((band) => `${band.label}: ${band.count}`).join('; ')}.`}
          valueLabel="Share of episodes"
          unit="%"
          domain={[0, 100]}
          data={bars}
        />
      ) : (
        <p className="text-slate-700">{TOO_FEW_TEXT}: fewer than {MIN_REPORTABLE} episodes have a plan in their last 28 days.</p>
      )}
      <p>
        <Link href={figureLink(filter)('adherent')} className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline underline-offset-2">
          See the adherent episodes
        </Link>
      </p>
    </>
  );
}

/** A chart (title, summary, plot and its numbers) and, when `table` is set, the breakdown's table under it. */
export function ChartSkeleton({ label, table = false }: { label: string; table?: boolean }) {
  return (
    <PanelSkeleton label={label} className="space-y-3">
      <SkeletonBlock className="h-[25rem]" />
      {table ? <SkeletonBlock className="h-48" /> : null}
    </PanelSkeleton>
  );
}
