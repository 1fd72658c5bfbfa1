import { RMDQ_MCID_TEXT, RMDQ_STATEMENT_COUNT } from '@/lib/clinical/rmdq';
import type { RecordTrends } from '@/lib/dal/patient-record';

/** Each chart's summary in words, for people who cannot see the chart (and read first by those who can). */
export function painSummary(trends: RecordTrends, intakeNprs: number): string {
  if (trends.pain.length === 0) return 'No pain scores logged yet.';
  const latest = trends.pain.at(-1)!;
  return `${trends.pain.length} days with a score. Latest ${latest.score}/10 (7-day average ${latest.average}); baseline ${intakeNprs}/10.`;
}

export function odiSummary(trends: RecordTrends): string {
  const { points, baseline, mcidLevel } = trends.odi;
  if (points.length === 0) return 'No Oswestry questionnaire completed yet.';
  const latest = points.at(-1)!;
  const met = mcidLevel !== null && points.length > 1 && latest.score <= mcidLevel;
  return `Baseline ${baseline}%, latest ${latest.score}%. The dashed line marks a clinically important improvement (${mcidLevel}%): ${met ? 'reached' : 'not reached yet'}. Shaded bands: minimal, moderate, severe, very severe, extreme disability.`;
}

export function adherenceSummary(trends: RecordTrends): string {
  const weeks = trends.adherence.filter((week) => week.percent !== null);
  if (weeks.length === 0) return 'No complete week with a plan yet.';
  const latest = weeks.at(-1)!;
  return `Week ${latest.week}: ${latest.logged} of ${latest.prescribed} sessions (${latest.percent}%). The dashed line is the 50% low-adherence level.`;
}

export function rmdqSummary(trends: RecordTrends): string {
  const { points, change } = trends.rmdq;
  const latest = points.at(-1)!;
  return change
    ? `First ${change.baseline}, latest ${latest.score} of ${RMDQ_STATEMENT_COUNT}. ${change.text} ${RMDQ_MCID_TEXT}`
    : `One response: ${latest.score} of ${RMDQ_STATEMENT_COUNT}. ${RMDQ_MCID_TEXT}`;
}
