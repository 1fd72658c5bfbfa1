export type Improvement = { change: number; percentChange: number | null; met: boolean };

export type Mcid = { readonly points: number; readonly percent: number };

// Scores carry at most a few decimals; a difference smaller than this is binary floating-point noise,
// and must not decide whether a patient reached a clinically important change.
const TOLERANCE = 1e-9;

/**
 * Change on a scale where a lower score is better (pain, disability). `met` when the fall reaches
 * the points threshold OR the percent-of-baseline threshold (docs/CLINICAL.md, Meaningful change: report both figures).
 */
export function lowerIsBetterImprovement(
  baseline: number,
  latest: number,
  mcid: Mcid,
  range: { min: number; max: number; name: string },
): Improvement {
  for (const value of [baseline, latest]) {
    if (!Number.isFinite(value) || value < range.min || value > range.max) {
      throw new RangeError(`${range.name} scores must be between ${range.min} and ${range.max}.`);
    }
  }
  const change = latest - baseline;
  const fall = -change;
  if (baseline === 0) {
    return { change, percentChange: null, met: fall >= mcid.points - TOLERANCE };
  }
  // Multiply before dividing so 10 → 7 is exactly −30 %, not −30.000000000000004 %.
  const percentChange = (change * 100) / baseline;
  const met = fall >= mcid.points - TOLERANCE || fall * 100 >= mcid.percent * baseline - TOLERANCE;
  return { change, percentChange, met };
}
