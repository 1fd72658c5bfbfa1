import { daysBetween } from '../time/days';

function checkValues(xs: ReadonlyArray<number>, what: string): void {
  if (xs.length === 0) throw new RangeError(`The ${what} of no values is undefined.`);
  if (!xs.every(Number.isFinite)) throw new RangeError(`The ${what} needs finite numbers.`);
}

/** Throws RangeError on an empty list: a summary of nothing must be handled by the caller, not shown as NaN. */
export function median(xs: ReadonlyArray<number>): number {
  checkValues(xs, 'median');
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  if (sorted.length % 2 === 1) return upper;
  const lower = sorted[middle - 1] ?? Number.NaN;
  return (lower + upper) / 2;
}

/** Throws RangeError on an empty list, as `median` does. */
export function mean(xs: ReadonlyArray<number>): number {
  checkValues(xs, 'mean');
  return xs.reduce((total, x) => total + x, 0) / xs.length;
}

export type RollingPoint = { day: string; average: number; count: number };

/**
 * For each day that has a score, the mean of all scores in the `windowDays` calendar days ending that day.
 * The window is in calendar days, not points, so a gap in logging shortens what is averaged instead of
 * reaching back weeks.
 */
export function rollingAverage(
  points: ReadonlyArray<{ day: string; score: number }>,
  windowDays = 7,
): RollingPoint[] {
  if (!Number.isInteger(windowDays) || windowDays < 1) {
    throw new RangeError('The window must be a whole number of days.');
  }
  const sorted = [...points].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  if (sorted.length === 0) return [];
  // Day numbers once, then one pass with a sliding window: linear in the days, where comparing every
  // pair of days would grow with their square over a long episode.
  const first = sorted[0]!.day;
  const numbers = sorted.map((point) => daysBetween(first, point.day));
  const result: RollingPoint[] = [];
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    const day = sorted[end]!.day;
    if (end + 1 < sorted.length && sorted[end + 1]!.day === day) continue;
    while (numbers[start]! <= numbers[end]! - windowDays) start += 1;
    const inWindow = sorted.slice(start, end + 1);
    result.push({ day, average: mean(inWindow.map((point) => point.score)), count: inWindow.length });
  }
  return result;
}

/** Two-sided 95 % critical values of Student's t for 1–30 degrees of freedom (standard tables). */
export const T_CRITICAL_95: readonly number[] = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12,
  2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** Beyond 30 degrees of freedom the normal value is close enough for a chart. */
const Z_CRITICAL_95 = 1.96;

export function tCritical95(degreesOfFreedom: number): number {
  if (!Number.isInteger(degreesOfFreedom) || degreesOfFreedom < 1) {
    throw new RangeError('Degrees of freedom must be a whole number of at least 1.');
  }
  return T_CRITICAL_95[degreesOfFreedom - 1] ?? Z_CRITICAL_95;
}

/** 95 % confidence interval of the mean using the t distribution; null below 2 values (no spread to estimate). */
export function meanCi95(xs: ReadonlyArray<number>): { mean: number; low: number; high: number; n: number } | null {
  const n = xs.length;
  if (n < 2) return null;
  const centre = mean(xs);
  const variance = xs.reduce((total, x) => total + (x - centre) ** 2, 0) / (n - 1);
  const halfWidth = (tCritical95(n - 1) * Math.sqrt(variance)) / Math.sqrt(n);
  return { mean: centre, low: centre - halfWidth, high: centre + halfWidth, n };
}
