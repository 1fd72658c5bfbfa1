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

export type PsfsActivity = { name: string; rating: number };
export type PsfsActivityChange = { name: string; first: number; latest: number; change: number; met: boolean };
export type PsfsChange = {
  first: number;
  latest: number;
  meanChange: number;
  meanMet: boolean;
  activities: PsfsActivityChange[];
  /** The meaningful-change rule: the mean up 2, or any one activity up 3 (docs/CLINICAL.md, Meaningful change). */
  met: boolean;
};

/** The rule in words, shown wherever a PSFS change appears. */
export const PSFS_MEANINGFUL_CHANGE_TEXT =
  `A meaningful change is the average up ${PSFS_MEANINGFUL_CHANGE.mean} points, or one activity up ${PSFS_MEANINGFUL_CHANGE.single}.`;

const sameActivity = (a: string, b: string) => a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');

/**
 * The change from the first response to the latest: in the mean score, and in each activity rated both
 * times (matched by name, ignoring case; follow-ups re-rate the same activities).
 */
export function psfsChange(first: ReadonlyArray<PsfsActivity>, latest: ReadonlyArray<PsfsActivity>): PsfsChange {
  const firstScore = scorePsfs(first.map((activity) => activity.rating)).score;
  const latestScore = scorePsfs(latest.map((activity) => activity.rating)).score;
  const mean = psfsImprovement(firstScore, latestScore);
  const activities = latest.flatMap((activity) => {
    const before = first.find((candidate) => sameActivity(candidate.name, activity.name));
    if (!before) return [];
    const { change, met } = psfsActivityImprovement(before.rating, activity.rating);
    return [{ name: activity.name, first: before.rating, latest: activity.rating, change, met }];
  });
  return {
    first: firstScore,
    latest: latestScore,
    meanChange: mean.change,
    meanMet: mean.met,
    activities,
    met: mean.met || activities.some((activity) => activity.met),
  };
}

const signedChange = (value: number, decimals: number) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(decimals)}`;

/** "Average 3.7 → 6.0 (+2.3): a meaningful change." and one line per activity, for summaries and tables. */
export function describePsfsChange(change: PsfsChange): { mean: string; activities: string[]; verdict: string } {
  return {
    mean: `Average ${change.first.toFixed(1)} → ${change.latest.toFixed(1)} (${signedChange(change.meanChange, 1)})`,
    activities: change.activities.map(
      (activity) => `${activity.name}: ${activity.first} → ${activity.latest} (${signedChange(activity.change, 0)})${activity.met ? ', meaningful' : ''}`,
    ),
    verdict: change.met ? 'a meaningful change' : 'not yet a meaningful change',
  };
}
