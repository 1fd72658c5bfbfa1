import { ManagerBarChart } from '@/components/charts/manager-bar-chart';
import { ManagerCohortChart } from '@/components/charts/manager-cohort-chart';
import { changeText, ciText, drillHref, outcomesHref, TOO_FEW_TEXT } from '@/components/manager/format';
import { GroupTable, type GroupRow } from '@/components/manager/group-table';
import { PanelSkeleton, SkeletonBlock } from '@/components/ui/skeleton';
import type { OutcomeGroup } from '@/lib/dal/outcomes';
import { MIN_REPORTABLE } from '@/lib/outcomes/definitions';
import type { OutcomeFilter } from '@/lib/validation/outcomes';
import { outcomesFor } from './outcome-figures';

function rowsFor(groups: OutcomeGroup[], filter: OutcomeFilter, dimension: string, linkToClinician = false): GroupRow[] {
  return groups.map((group) => ({
    ...group,
    href: linkToClinician ? outcomesHref({ ...filter, clinicianId: group.key }) : undefined,
    drillHref: drillHref(filter, { dimension, key: group.key }),
  }));
}

const rounded = (figure: { reportable: boolean; mean?: number }) => (figure.reportable && figure.mean !== undefined ? Number(figure.mean.toFixed(2)) : null);

export async function ClinicianBreakdown({ filter }: { filter: OutcomeFilter }) {
  const { byClinician } = await outcomesFor(filter);
  const bars = byClinician.map((group) => ({
    label: group.label,
    value: rounded(group.figures.nprsDischarge),
    display: group.figures.nprsDischarge.reportable ? `${changeText(group.figures.nprsDischarge)} (${ciText(group.figures.nprsDischarge)})` : TOO_FEW_TEXT,
  }));
  const reported = bars.filter((bar) => bar.value !== null);
  const summary =
    reported.length === 0
      ? `No clinician has ${MIN_REPORTABLE} or more discharged episodes with pain scores in this range, so no bar is drawn.`
      : `Mean change in pain from baseline to discharge: ${reported.map((bar) => `${bar.label} ${bar.display}`).join('; ')}.` +
        (reported.length < bars.length ? ` ${bars.length - reported.length} clinician(s) had too few to report.` : '');
  return (
    <>
      <ManagerBarChart title="Mean pain change to discharge, by clinician" summary={summary} valueLabel="Mean change (points)" data={bars} />
      <GroupTable caption="Outcomes by clinician" groupHeading="Clinician" rows={rowsFor(byClinician, filter, 'clinician', true)} />
    </>
  );
}

export async function CohortBreakdown({ filter }: { filter: OutcomeFilter }) {
  const { byMonth } = await outcomesFor(filter);
  const cohort = byMonth.map((group) => ({
    month: group.label,
    discharge: rounded(group.figures.nprsDischarge),
    latest: rounded(group.figures.nprsLatest),
    dischargeDisplay: changeText(group.figures.nprsDischarge),
    latestDisplay: changeText(group.figures.nprsLatest),
  }));
  const points = cohort.filter((point) => point.discharge !== null || point.latest !== null);
  const summary =
    points.length === 0
      ? `No month of intake has ${MIN_REPORTABLE} or more episodes with follow-up pain scores, so no line is drawn.`
      : `Mean pain change by month of intake: ${points
          .map((point) => `${point.month} ${[point.discharge !== null ? `to discharge ${point.dischargeDisplay}` : null, point.latest !== null ? `to latest ${point.latestDisplay}` : null].filter(Boolean).join(', ')}`)
          .join('; ')}. Other months had too few to report.`;
  return (
    <>
      <ManagerCohortChart title="Mean pain change by month of intake" summary={summary} data={cohort} />
      <GroupTable caption="Outcomes by month of intake" groupHeading="Month of intake" rows={rowsFor(byMonth.filter((group) => !group.empty), filter, 'month')} />
    </>
  );
}

export async function RiskBreakdown({ filter }: { filter: OutcomeFilter }) {
  const { byRisk } = await outcomesFor(filter);
  return <GroupTable caption="Outcomes by STarT Back risk group" groupHeading="Risk group (first screen)" rows={rowsFor(byRisk, filter, 'risk')} />;
}

export async function SeverityBreakdown({ filter }: { filter: OutcomeFilter }) {
  const { bySeverity } = await outcomesFor(filter);
  return <GroupTable caption="Outcomes by baseline pain band" groupHeading="Baseline pain band" rows={rowsFor(bySeverity, filter, 'severity')} />;
}

export function TableSkeleton({ label }: { label: string }) {
  return (
    <PanelSkeleton label={label}>
      <SkeletonBlock className="h-48" />
    </PanelSkeleton>
  );
}
