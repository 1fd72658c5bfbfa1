import { ODI_MCID } from './odi';

/** Whole years of age on `today` (YYYY-MM-DD); a birthday on 29 February counts from 1 March in other years. */
export function ageOn(dateOfBirth: string | null, today: string): number | null {
  if (!dateOfBirth) return null;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/**
 * The Oswestry score a patient must reach for a clinically important improvement: a fall of 10 points or
 * 30 % of baseline, whichever comes first (docs/CLINICAL.md, Meaningful change: either counts). Never below 0.
 */
export function odiMcidLevel(baseline: number): number {
  if (!Number.isFinite(baseline) || baseline < 0 || baseline > 100) throw new RangeError('Oswestry scores are 0–100.');
  const fall = Math.min(ODI_MCID.points, (baseline * ODI_MCID.percent) / 100);
  return Math.max(0, Math.round((baseline - fall) * 10) / 10);
}
