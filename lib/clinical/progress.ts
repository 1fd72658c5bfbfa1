import { daysBetween } from '../time/days';
import { NPRS_MCID } from './nprs';
import { ODI_MCID } from './odi';
import { roundHalfUp1 } from './rounding';
import { rollingAverage, type RollingPoint } from './stats';

/**
 * The pain level that counts as a meaningful improvement from `baseline`: a fall of 2 points or 30 %,
 * whichever is reached first (docs/CLINICAL.md, Meaningful change: met when either holds), so the higher of the two levels.
 */
export function meaningfulPainLevel(baseline: number): number {
  if (!Number.isFinite(baseline) || baseline < 0 || baseline > 10) throw new RangeError('Pain must be 0 to 10.');
  const byPoints = baseline - NPRS_MCID.points;
  const byPercent = baseline * (1 - NPRS_MCID.percent / 100);
  return Math.max(0, roundHalfUp1(Math.max(byPoints, byPercent)));
}

/** The same for the ODI: a fall of 10 points or 30 %. */
export function meaningfulOdiLevel(baseline: number): number {
  if (!Number.isFinite(baseline) || baseline < 0 || baseline > 100) throw new RangeError('ODI must be 0 to 100.');
  return Math.max(0, roundHalfUp1(Math.max(baseline - ODI_MCID.points, baseline * (1 - ODI_MCID.percent / 100))));
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** "8 weeks", "10 days": the span between two days in words a patient reads at a glance. */
export function describeSpan(from: string, to: string): string {
  const days = daysBetween(from, to);
  return days >= 14 ? plural(Math.round(days / 7), 'week') : plural(days, 'day');
}

export type PainSeries = { daily: { day: string; score: number }[]; rolling: RollingPoint[] };

/** Daily pain (highest of each day) and its 7-day average, limited to days on or after `fromDay`. */
export function painSeries(daily: ReadonlyArray<{ day: string; score: number }>, fromDay: string): PainSeries {
  const rolling = rollingAverage(daily, 7).filter((point) => point.day >= fromDay);
  return { daily: daily.filter((point) => point.day >= fromDay), rolling };
}

/** One sentence: "Your average pain fell from 6.1 to 3.4 over 8 weeks." */
export function summarisePain(rolling: ReadonlyArray<RollingPoint>): string {
  if (rolling.length === 0) return 'No pain scores logged in this period yet.';
  const first = rolling[0]!;
  const last = rolling.at(-1)!;
  const from = roundHalfUp1(first.average).toFixed(1);
  const to = roundHalfUp1(last.average).toFixed(1);
  if (first.day === last.day) return `Your average pain was ${to} out of 10.`;
  const span = describeSpan(first.day, last.day);
  if (from === to) return `Your average pain stayed at ${to} out of 10 over ${span}.`;
  const direction = Number(to) < Number(from) ? 'fell' : 'rose';
  return `Your average pain ${direction} from ${from} to ${to} out of 10 over ${span}.`;
}

/** One sentence about ODI scores (lower is better). */
export function summariseOdi(points: ReadonlyArray<{ day: string; score: number }>): string {
  if (points.length === 0) return 'No Oswestry questionnaire answered in this period yet.';
  const first = points[0]!;
  const last = points.at(-1)!;
  if (points.length === 1) return `Your disability score was ${roundHalfUp1(first.score).toFixed(1)} %.`;
  const span = describeSpan(first.day, last.day);
  const direction = last.score < first.score ? 'fell' : last.score > first.score ? 'rose' : 'stayed';
  if (direction === 'stayed') return `Your disability score stayed at ${roundHalfUp1(last.score).toFixed(1)} % over ${span}.`;
  return `Your disability score ${direction} from ${roundHalfUp1(first.score).toFixed(1)} % to ${roundHalfUp1(last.score).toFixed(1)} % over ${span} (lower is better).`;
}

/** One sentence about a range-of-motion measure. */
export function summariseMeasure(
  label: string,
  points: ReadonlyArray<{ day: string; value: number }>,
  unit: string,
): string {
  if (points.length === 0) return `${label}: not measured in this period.`;
  const first = points[0]!;
  const last = points.at(-1)!;
  // Degrees sit against the number (41°); centimetres take a space (18.5 cm).
  const show = (value: number) => (unit === '°' ? `${value}°` : `${value} ${unit}`);
  if (points.length === 1) return `${label}: ${show(last.value)}.`;
  return `${label}: ${show(first.value)} to ${show(last.value)} over ${describeSpan(first.day, last.day)}.`;
}
