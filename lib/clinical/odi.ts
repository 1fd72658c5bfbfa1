import { lowerIsBetterImprovement, type Improvement } from './improvement';
import { formatTenths, ratioToTenthsHalfUp } from './rounding';

export { roundHalfUp1 } from './rounding';

export const ODI_SECTION_COUNT = 10;
export const ODI_MAX_ANSWER = 5;
/** Policy: with 3 or more sections skipped the score is "not enough answers". */
export const ODI_MAX_SKIPPED = 2;

export type OdiBand = 'minimal' | 'moderate' | 'severe' | 'crippled' | 'bed-bound';

export type OdiResult = { score: number | null; display: string | null; band: OdiBand | null; answered: number };

/** Ostelo et al., Spine 2008. Policy: met when either threshold is reached. */
export const ODI_MCID = { points: 10, percent: 30 } as const;

/**
 * Upper-inclusive band limits (Fairbank & Pynsent, Spine 2000). The band codes keep the source's names;
 * the labels avoid "crippled" and "bed-bound", which patients read as judgements.
 */
export const ODI_BANDS: ReadonlyArray<{ band: OdiBand; upTo: number; label: string }> = [
  { band: 'minimal', upTo: 20, label: 'Minimal disability' },
  { band: 'moderate', upTo: 40, label: 'Moderate disability' },
  { band: 'severe', upTo: 60, label: 'Severe disability' },
  { band: 'crippled', upTo: 80, label: 'Very severe disability' },
  { band: 'bed-bound', upTo: 100, label: 'Extreme disability' },
];

/**
 * Score % = sum of answered sections ÷ (5 × sections answered) × 100; a skipped section (null) leaves both
 * the sum and the denominator (Fairbank & Pynsent, Spine 2000). `score` is exact; `display` is one decimal,
 * half up, computed with integers so 16/45 shows as 35.6; the band uses the exact score.
 */
export function scoreOdi(answers: ReadonlyArray<number | null>): OdiResult {
  if (answers.length !== ODI_SECTION_COUNT) {
    throw new RangeError(`The ODI has ${ODI_SECTION_COUNT} sections; got ${answers.length} answers.`);
  }
  let sum = 0;
  let answered = 0;
  for (const answer of answers) {
    if (answer === null) continue;
    if (!Number.isInteger(answer) || answer < 0 || answer > ODI_MAX_ANSWER) {
      throw new RangeError(`Each ODI answer must be a whole number from 0 to ${ODI_MAX_ANSWER}, or skipped.`);
    }
    sum += answer;
    answered += 1;
  }
  if (ODI_SECTION_COUNT - answered > ODI_MAX_SKIPPED) {
    return { score: null, display: null, band: null, answered };
  }
  const maximum = ODI_MAX_ANSWER * answered;
  const score = (sum * 100) / maximum;
  return {
    score,
    display: formatTenths(ratioToTenthsHalfUp(sum * 100, maximum)),
    band: odiBand(score),
    answered,
  };
}

export function odiBand(score: number): OdiBand {
  if (!Number.isFinite(score) || score < 0 || score > 100) {
    throw new RangeError('An ODI score must be between 0 and 100.');
  }
  const found = ODI_BANDS.find((entry) => score <= entry.upTo);
  // Unreachable: the last band ends at 100 and the score was checked above.
  if (!found) throw new RangeError('An ODI score must be between 0 and 100.');
  return found.band;
}

export function odiImprovement(baseline: number, latest: number): Improvement {
  return lowerIsBetterImprovement(baseline, latest, ODI_MCID, { min: 0, max: 100, name: 'ODI' });
}
