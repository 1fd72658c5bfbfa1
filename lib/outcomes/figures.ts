/**
 * Pure finishing steps for the outcome figures. The database returns sums, means, standard deviations,
 * counts and medians per group (lib/dal/internal/outcomes-sql.ts); these functions turn one group's numbers into
 * what the page shows, applying small-group suppression in one place.
 */
import { tCritical95 } from '@/lib/clinical/stats';
import { ADHERENCE_BANDS, MIN_REPORTABLE, type AdherenceBandKey } from './definitions';

/** What SQL returns for one group (all numbers already cast to int/float8). */
export type GroupAggregates = {
  episodes: number;
  active: number;
  discharged: number;
  nprsLatestN: number;
  nprsLatestMean: number | null;
  nprsLatestSd: number | null;
  nprsDischargeN: number;
  nprsDischargeMean: number | null;
  nprsDischargeSd: number | null;
  odiLatestN: number;
  odiLatestMean: number | null;
  odiLatestSd: number | null;
  odiDischargeN: number;
  odiDischargeMean: number | null;
  odiDischargeSd: number | null;
  nprsMcidMet: number;
  odiMcidMet: number;
  weeksN: number;
  weeksMedian: number | null;
  odiBaselineDone: number;
  odiDischargeDone: number;
  adherenceN: number;
  adherenceBelow25: number;
  adherence25To49: number;
  adherence50To79: number;
  adherent: number;
};

/** A group with no episodes. */
export const EMPTY_AGGREGATES: GroupAggregates = {
  episodes: 0, active: 0, discharged: 0,
  nprsLatestN: 0, nprsLatestMean: null, nprsLatestSd: null,
  nprsDischargeN: 0, nprsDischargeMean: null, nprsDischargeSd: null,
  odiLatestN: 0, odiLatestMean: null, odiLatestSd: null,
  odiDischargeN: 0, odiDischargeMean: null, odiDischargeSd: null,
  nprsMcidMet: 0, odiMcidMet: 0, weeksN: 0, weeksMedian: null, odiBaselineDone: 0, odiDischargeDone: 0,
  adherenceN: 0, adherenceBelow25: 0, adherence25To49: 0, adherence50To79: 0, adherent: 0,
};

export type TooFew = { reportable: false };
export const TOO_FEW: TooFew = { reportable: false };

export type MeanChange = { reportable: true; mean: number; low: number; high: number; n: number } | TooFew;
export type Share = { reportable: true; share: number; count: number; n: number } | TooFew;
export type Median = { reportable: true; median: number; n: number } | TooFew;
export type Counts = { reportable: true; started: number; active: number; discharged: number } | TooFew;

/**
 * The 95 % interval from a mean, sample standard deviation and n, with the same t table as
 * lib/clinical/stats meanCi95 (so SQL summaries and in-memory data give the same interval).
 */
export function ciFromSummary(mean: number, sd: number, n: number): { mean: number; low: number; high: number; n: number } {
  if (!Number.isInteger(n) || n < 2) throw new RangeError('A confidence interval needs at least 2 values.');
  if (!Number.isFinite(mean) || !Number.isFinite(sd) || sd < 0) throw new RangeError('Mean and standard deviation must be finite.');
  const halfWidth = (tCritical95(n - 1) * sd) / Math.sqrt(n);
  return { mean, low: mean - halfWidth, high: mean + halfWidth, n };
}

/** Figure: episodes started, active and discharged. A group of fewer than 5 episodes is too few. */
export function episodeCounts(row: GroupAggregates): Counts {
  if (row.episodes < MIN_REPORTABLE) return TOO_FEW;
  return { reportable: true, started: row.episodes, active: row.active, discharged: row.discharged };
}

export type Measure = 'nprs' | 'odi';
export type Timepoint = 'latest' | 'discharge';

/** Figure: mean change from baseline (to latest for active episodes, to discharge for discharged ones), 95 % CI. */
export function meanChange(row: GroupAggregates, measure: Measure, to: Timepoint): MeanChange {
  const key = `${measure}${to === 'latest' ? 'Latest' : 'Discharge'}` as const;
  const n = row[`${key}N`];
  const mean = row[`${key}Mean`];
  const sd = row[`${key}Sd`];
  if (row.episodes < MIN_REPORTABLE || n < MIN_REPORTABLE || mean === null || sd === null) return TOO_FEW;
  return { reportable: true, ...ciFromSummary(mean, sd, n) };
}

function share(count: number, n: number, groupSize: number): Share {
  if (groupSize < MIN_REPORTABLE || n < MIN_REPORTABLE) return TOO_FEW;
  return { reportable: true, share: count / n, count, n };
}

/** Figure: share of discharged episodes (with both scores) that reached the MCID. */
export function mcidShare(row: GroupAggregates, measure: Measure): Share {
  return measure === 'nprs'
    ? share(row.nprsMcidMet, row.nprsDischargeN, row.episodes)
    : share(row.odiMcidMet, row.odiDischargeN, row.episodes);
}

/** Figure: median weeks from start to discharge, discharged episodes only. */
export function medianWeeks(row: GroupAggregates): Median {
  if (row.episodes < MIN_REPORTABLE || row.weeksN < MIN_REPORTABLE || row.weeksMedian === null) return TOO_FEW;
  return { reportable: true, median: row.weeksMedian, n: row.weeksN };
}

/** Figure: ODI completion at baseline (all episodes) and at discharge (discharged episodes). */
export function completionRate(row: GroupAggregates, at: 'baseline' | 'discharge'): Share {
  return at === 'baseline'
    ? share(row.odiBaselineDone, row.episodes, row.episodes)
    : share(row.odiDischargeDone, row.discharged, row.episodes);
}

export type AdherenceDistribution =
  | { reportable: true; n: number; bands: { key: AdherenceBandKey; label: string; count: number; share: number }[]; adherentShare: number }
  | TooFew;

/** Figure: how episodes spread over the adherence bands; the top band is "adherent". */
export function adherenceDistribution(row: GroupAggregates): AdherenceDistribution {
  const n = row.adherenceN;
  if (row.episodes < MIN_REPORTABLE || n < MIN_REPORTABLE) return TOO_FEW;
  const counts: Record<AdherenceBandKey, number> = {
    'below-25': row.adherenceBelow25,
    '25-49': row.adherence25To49,
    '50-79': row.adherence50To79,
    '80-plus': row.adherent,
  };
  return {
    reportable: true,
    n,
    bands: ADHERENCE_BANDS.map((band) => ({ key: band.key, label: band.label, count: counts[band.key], share: counts[band.key] / n })),
    adherentShare: row.adherent / n,
  };
}

/** Everything shown for one group, for the tables and charts. */
export type GroupFigures = {
  counts: Counts;
  nprsLatest: MeanChange;
  nprsDischarge: MeanChange;
  odiLatest: MeanChange;
  odiDischarge: MeanChange;
  nprsMcid: Share;
  odiMcid: Share;
  weeksInCare: Median;
  baselineCompletion: Share;
  dischargeCompletion: Share;
  adherence: AdherenceDistribution;
};

export function groupFigures(row: GroupAggregates): GroupFigures {
  return {
    counts: episodeCounts(row),
    nprsLatest: meanChange(row, 'nprs', 'latest'),
    nprsDischarge: meanChange(row, 'nprs', 'discharge'),
    odiLatest: meanChange(row, 'odi', 'latest'),
    odiDischarge: meanChange(row, 'odi', 'discharge'),
    nprsMcid: mcidShare(row, 'nprs'),
    odiMcid: mcidShare(row, 'odi'),
    weeksInCare: medianWeeks(row),
    baselineCompletion: completionRate(row, 'baseline'),
    dischargeCompletion: completionRate(row, 'discharge'),
    adherence: adherenceDistribution(row),
  };
}

/** Formatting shared by the page, the charts' text summaries and tests. */
export function formatSigned(value: number, digits = 1): string {
  const rounded = value.toFixed(digits);
  if (Number(rounded) === 0) return (0).toFixed(digits);
  return value > 0 ? `+${rounded}` : rounded.replace('-', '−');
}

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}
