import { lowerIsBetterImprovement, type Improvement } from './improvement';

export type NprsBand = 'none' | 'mild' | 'moderate' | 'severe';

/** LOINC "Pain severity - 0-10 verbal numeric rating [Score] - Reported". */
export const NPRS_LOINC = '72514-3';

export const NPRS_MIN = 0;
export const NPRS_MAX = 10;

/** Ostelo et al., Spine 2008. Policy: met when either threshold is reached. */
export const NPRS_MCID = { points: 2, percent: 30 } as const;

/** The NPRS is whole numbers 0–10 only; anything else is rejected rather than rounded. */
export function isValidNprs(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= NPRS_MIN && v <= NPRS_MAX;
}

/** Bands from Serlin et al., Pain 1995: 0 none, 1–3 mild, 4–6 moderate, 7–10 severe. */
export function nprsBand(score: number): NprsBand {
  if (!isValidNprs(score)) throw new RangeError('Pain must be a whole number from 0 to 10.');
  if (score === 0) return 'none';
  if (score <= 3) return 'mild';
  if (score <= 6) return 'moderate';
  return 'severe';
}

export const NPRS_BAND_LABELS: Readonly<Record<NprsBand, string>> = {
  none: 'No pain',
  mild: 'Mild pain',
  moderate: 'Moderate pain',
  severe: 'Severe pain',
};

/**
 * Baseline and latest may be single scores or averages of them, so fractions inside 0–10 are accepted.
 * change = latest − baseline (negative is better); percentChange is null when the baseline is 0.
 */
export function nprsImprovement(baseline: number, latest: number): Improvement {
  return lowerIsBetterImprovement(baseline, latest, NPRS_MCID, { min: NPRS_MIN, max: NPRS_MAX, name: 'Pain' });
}
