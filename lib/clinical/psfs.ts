import { formatTenths, ratioToTenthsHalfUp, roundHalfUp1 } from './rounding';

/** The patient names 3–5 activities they find hard (Stratford et al., Physiother Can 1995). */
export const PSFS_ACTIVITY_COUNT = { min: 3, max: 5 } as const;

/** Higher is better: the mean must rise by 2 points, or a single activity by 3. */
export const PSFS_MEANINGFUL_CHANGE = { mean: 2, single: 3 } as const;

export type PsfsResult = { score: number; display: string };

const isRating = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10;

/**
 * Score = mean of the activity ratings, one decimal, half up ([3, 4, 4] → 3.7). Both fields carry the
 * rounded mean because that is the published score; the sum is kept whole so no float error creeps in.
 */
export function scorePsfs(ratings: ReadonlyArray<number>): PsfsResult {
  if (ratings.length < PSFS_ACTIVITY_COUNT.min || ratings.length > PSFS_ACTIVITY_COUNT.max) {
    throw new RangeError('The PSFS needs ratings for 3 to 5 activities.');
  }
  if (!ratings.every(isRating)) {
    throw new RangeError('Each activity rating must be a whole number from 0 to 10.');
  }
  const sum = ratings.reduce((total, rating) => total + rating, 0);
  const tenths = ratioToTenthsHalfUp(sum, ratings.length);
  return { score: tenths / 10, display: formatTenths(tenths) };
}

const checkScore = (value: number): void => {
  if (!Number.isFinite(value) || value < 0 || value > 10) {
    throw new RangeError('PSFS scores must be between 0 and 10.');
  }
};

/** Change in the mean score; scores are one-decimal means, so the change is rounded to one decimal too. */
export function psfsImprovement(baseline: number, latest: number): { change: number; met: boolean } {
  checkScore(baseline);
  checkScore(latest);
  const change = roundHalfUp1(latest - baseline);
  return { change, met: change >= PSFS_MEANINGFUL_CHANGE.mean };
}

/** Change in one activity's rating between two responses. */
export function psfsActivityImprovement(baseline: number, latest: number): { change: number; met: boolean } {
  if (!isRating(baseline) || !isRating(latest)) {
    throw new RangeError('Each activity rating must be a whole number from 0 to 10.');
  }
  const change = latest - baseline;
  return { change, met: change >= PSFS_MEANINGFUL_CHANGE.single };
}
