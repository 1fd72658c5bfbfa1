/**
 * The one place that says how every clinic outcome figure is defined. The SQL in
 * lib/dal/internal/outcomes-sql.ts takes its thresholds from here (passed in as parameters), and the manager
 * pages and the CSV export print the same sentences, so the page, the file and the code cannot drift.
 */
import { adherenceDefinition, ADHERENCE_WINDOWS } from '@/lib/clinical/adherence';
import { BASELINE_PAIN, DISCHARGE_PAIN, LATEST_PAIN } from '@/lib/clinical/figures';
import { NPRS_MCID, type NprsBand } from '@/lib/clinical/nprs';
import { ODI_MCID } from '@/lib/clinical/odi';

/** Groups (and figures) resting on fewer episodes than this are "too few to report", never a number. */
export const MIN_REPORTABLE = 5;

/** Policy: an ODI counts as the baseline only if completed within this many days of the episode start, and
 * as the discharge ODI only within this many days up to discharge. */
export const ODI_WINDOW_DAYS = 14;

/** Policy: adherence is measured over the last 28 days of the episode (up to discharge, or up to today). */
export const ADHERENCE_WINDOW_DAYS = ADHERENCE_WINDOWS.outcome.days;
/** Policy: adherent = at least 80 % of prescribed sessions logged. */
export const ADHERENT_FRACTION = 0.8;
/** Episodes whose plan asked for less than one session in the window have no adherence figure. */
export const MIN_PRESCRIBED_SESSIONS = 1;

/** Same thresholds as lib/clinical (Ostelo 2008); the SQL receives these values as parameters. */
export const OUTCOME_MCID = { nprs: NPRS_MCID, odi: ODI_MCID } as const;
/** Scores carry a few decimals; differences below this are floating-point noise (as in lib/clinical/improvement). */
export const MCID_TOLERANCE = 1e-9;

/** Upper-inclusive NPRS band limits, for grouping in SQL. Tested against nprsBand for every score 0–10. */
export const SEVERITY_BANDS: ReadonlyArray<{ band: NprsBand; upTo: number; label: string }> = [
  { band: 'none', upTo: 0, label: 'No pain (0)' },
  { band: 'mild', upTo: 3, label: 'Mild (1–3)' },
  { band: 'moderate', upTo: 6, label: 'Moderate (4–6)' },
  { band: 'severe', upTo: 10, label: 'Severe (7–10)' },
];

export const RISK_LABELS: Readonly<Record<string, string>> = {
  low: 'Low risk',
  medium: 'Medium risk',
  high: 'High risk',
  none: 'Not screened',
};

/** Adherence bands for the distribution chart (lower bound inclusive). The top band is "adherent". */
export const ADHERENCE_BANDS = [
  { key: 'below-25', label: 'Under 25 %', from: 0 },
  { key: '25-49', label: '25–49 %', from: 0.25 },
  { key: '50-79', label: '50–79 %', from: 0.5 },
  { key: '80-plus', label: '80 % or more (adherent)', from: ADHERENT_FRACTION },
] as const;
export type AdherenceBandKey = (typeof ADHERENCE_BANDS)[number]['key'];

/** The figures a drill-down can list the episodes of. */
export const FIGURE_KEYS = [
  'started',
  'active',
  'discharged',
  'nprs-latest',
  'nprs-discharge',
  'odi-latest',
  'odi-discharge',
  'nprs-mcid',
  'odi-mcid',
  'weeks',
  'odi-baseline-done',
  'odi-discharge-done',
  'adherence',
  'adherent',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export type Definition = { term: string; text: string };

const percent = (fraction: number) => `${Math.round(fraction * 100)} %`;

/** Shown on the outcomes page and written at the top of the CSV export. */
export const DEFINITIONS: ReadonlyArray<Definition> = [
  {
    term: 'Episodes in the range',
    text: 'Episodes of care whose start (intake) date falls in the chosen date range, in the clinic’s time zone. Active and discharged are their status today.',
  },
  { term: `${BASELINE_PAIN.term} (NPRS)`, text: BASELINE_PAIN.text },
  {
    term: 'Latest and discharge pain',
    text: `Latest, for active episodes: ${LATEST_PAIN.text.charAt(0).toLowerCase()}${LATEST_PAIN.text.slice(1)} Discharge: ${DISCHARGE_PAIN.text.charAt(0).toLowerCase()}${DISCHARGE_PAIN.text.slice(1)}`,
  },
  {
    term: 'Baseline, latest and discharge ODI',
    text: `Baseline = the first completed Oswestry Disability Index with a score, within ${ODI_WINDOW_DAYS} days of the start. Latest = the last completed ODI after it. Discharge = the last completed ODI in the ${ODI_WINDOW_DAYS} days up to discharge (not the baseline response).`,
  },
  {
    term: 'Mean change and 95 % confidence interval',
    text: 'Later score minus baseline score, averaged over the episodes that have both (n). Negative is better. The interval uses the t distribution with n − 1 degrees of freedom.',
  },
  {
    term: 'Reached the MCID',
    text: `Share of discharged episodes with both scores whose score fell by at least the minimal clinically important difference (Ostelo 2008): pain by ${NPRS_MCID.points} points or ${NPRS_MCID.percent} % of baseline; ODI by ${ODI_MCID.points} points or ${ODI_MCID.percent} % of baseline, whichever is reached.`,
  },
  {
    term: 'Weeks in care',
    text: 'For discharged episodes: time from start to discharge in weeks. The median is the middle value: half of the episodes were shorter, half longer.',
  },
  {
    term: 'Questionnaire completion',
    text: `Baseline: share of episodes with a baseline ODI. Discharge: share of discharged episodes with a discharge ODI. Figures from complete cases only can be biased: people who stop answering often do worse or better than those who keep going.`,
  },
  {
    term: 'Adherence',
    text: `${adherenceDefinition('outcome')} The plan counted on each day is the one in force that day. Adherent = ${percent(ADHERENT_FRACTION)} or more. Episodes without a plan in that time have no adherence figure.`,
  },
  {
    term: 'Breakdowns',
    text: 'Month of intake = the month the episode started, in the clinic’s time zone. STarT Back risk group = the risk from the first completed STarT Back screen in the episode (“Not screened” if there is none). Baseline pain band = the baseline pain score banded as in Serlin 1995: 0 none, 1–3 mild, 4–6 moderate, 7–10 severe.',
  },
  {
    term: 'Too few to report',
    text: `A group of fewer than ${MIN_REPORTABLE} episodes, or a mean, share or median resting on fewer than ${MIN_REPORTABLE} episodes, is not shown as a number: it would be unreliable and could point to individual patients.`,
  },
];

export const COMPLETE_CASE_WARNING =
  'Change figures use complete cases only (episodes with both scores). If the people who stop answering differ from those who keep going, these figures can be biased.';
