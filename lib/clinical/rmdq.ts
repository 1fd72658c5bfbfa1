import { lowerIsBetterImprovement, type Improvement } from './improvement';

/**
 * The Roland-Morris Disability Questionnaire (Roland & Morris, Spine 1983) is free to use in its published
 * form. These are shortened plain-language paraphrases in the published order; a clinic that wants the
 * validated instrument should replace them with the published wording, keeping 24 statements in order.
 */
export const RMDQ_NOTICE =
  'Roland-Morris Disability Questionnaire (Roland & Morris, 1983), free to use in its published form. ' +
  'The statements shown are shortened plain-language paraphrases, not the validated wording.';

export const RMDQ_STATEMENT_COUNT = 24;

/** Ostelo et al., Spine 2008. Policy: met when either threshold is reached. */
export const RMDQ_MCID = { points: 5, percent: 30 } as const;

export const RMDQ_STATEMENTS: readonly string[] = [
  'I stay home most of the time because of my back.',
  'I keep changing position to get my back comfortable.',
  'My back makes me walk more slowly than usual.',
  'My back stops me doing any of my usual jobs around the house.',
  'I need a handrail to get upstairs because of my back.',
  'I lie down to rest more often because of my back.',
  'I have to hold on to something to get out of a soft chair.',
  'I ask other people to do things for me because of my back.',
  'My back makes me get dressed more slowly than usual.',
  'I can only stand for short spells because of my back.',
  'I try not to bend or kneel because of my back.',
  'Getting up from a chair is hard because of my back.',
  'My back hurts almost all the time.',
  'Turning over in bed is hard because of my back.',
  'My back pain has put me off my food.',
  'Putting on socks or tights is hard because of my back pain.',
  'My back limits me to short walks.',
  'My back is spoiling my sleep.',
  'I need someone to help me get dressed because of my back pain.',
  'I spend most of the day sitting because of my back.',
  'I avoid heavy jobs around the house because of my back.',
  'My back pain makes me more irritable or short-tempered with people than usual.',
  'I go up stairs more slowly than usual because of my back.',
  'I stay in bed most of the time because of my back.',
];

/** Score = number of statements ticked as true today (0–24); there are no bands. */
export function scoreRmdq(ticked: ReadonlyArray<boolean>): number {
  if (ticked.length !== RMDQ_STATEMENT_COUNT || ticked.some((answer) => typeof answer !== 'boolean')) {
    throw new RangeError(`The RMDQ needs a yes or no for each of its ${RMDQ_STATEMENT_COUNT} statements.`);
  }
  return ticked.filter(Boolean).length;
}

export function rmdqImprovement(baseline: number, latest: number): Improvement {
  for (const value of [baseline, latest]) {
    if (!Number.isInteger(value)) throw new RangeError('RMDQ scores are whole numbers from 0 to 24.');
  }
  return lowerIsBetterImprovement(baseline, latest, RMDQ_MCID, { min: 0, max: RMDQ_STATEMENT_COUNT, name: 'RMDQ' });
}

/** The meaningful-change rule in words, shown wherever an RMDQ change appears (docs/CLINICAL.md, Meaningful change). */
export const RMDQ_MCID_TEXT = `A meaningful improvement is a fall of ${RMDQ_MCID.points} points or ${RMDQ_MCID.percent} % from the first score.`;

/**
 * The change from the first score to the latest, in words, with whether it is a meaningful improvement:
 * "Down 6 points (40 %) from 15: a meaningful improvement." Both figures are reported (docs/CLINICAL.md,
 * Meaningful change).
 */
export function describeRmdqChange(baseline: number, latest: number): { text: string; met: boolean } {
  const { change, percentChange, met } = rmdqImprovement(baseline, latest);
  const percent = percentChange === null ? '' : ` (${Math.abs(Math.round(percentChange))} %)`;
  const movement =
    change === 0 ? `No change from ${baseline}` : `${change < 0 ? 'Down' : 'Up'} ${Math.abs(change)} ${Math.abs(change) === 1 ? 'point' : 'points'}${percent} from ${baseline}`;
  return { text: `${movement}: ${met ? 'a meaningful improvement' : 'not yet a meaningful improvement'}.`, met };
}

/** The score a patient must reach for a meaningful improvement: the higher of (baseline − 5) and 70 % of baseline, never below 0. */
export function rmdqMcidLevel(baseline: number): number {
  if (!Number.isInteger(baseline) || baseline < 0 || baseline > RMDQ_STATEMENT_COUNT) throw new RangeError('RMDQ scores are whole numbers from 0 to 24.');
  const fall = Math.min(RMDQ_MCID.points, (baseline * RMDQ_MCID.percent) / 100);
  return Math.max(0, Math.round((baseline - fall) * 10) / 10);
}
