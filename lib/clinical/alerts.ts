import { addDays, calendarDayIn, isCalendarDay, MS_PER_DAY } from '../time/days';
import { QUESTIONNAIRE_OVERDUE } from './figures';
import { isValidNprs } from './nprs';
import { median } from './stats';

/**
 * Alert rules from docs/CLINICAL.md, "Alert rules". Every threshold here is Uplift policy, not a
 * published standard, so each is a named constant and ALERT_REASONS states it in words shown to users.
 */

export type DailyPain = { day: string; score: number };

export const WORSENING_RULE = {
  consecutiveDays: 3,
  risePoints: 2,
  baselineDays: 7,
  minBaselineValues: 3,
} as const;

export const SEVERE_PAIN_RULE = { score: 8, consecutiveDays: 2 } as const;

export const INACTIVE_DAYS = 7;

export const LOW_ADHERENCE_RULE = { fraction: 0.5, windowDays: 14 } as const;

/** Rises in disability (ODI, RMDQ) or falls in function (PSFS mean) against the previous response. */
export const QUESTIONNAIRE_WORSENING = { ODI: 10, RMDQ: 5, PSFS: 2 } as const;

export type QuestionnaireInstrument = keyof typeof QUESTIONNAIRE_WORSENING;

// Questionnaire scores may be exact fractions (ODI 320/9); differences below this are floating-point noise.
const TOLERANCE = 1e-9;

function checkNprs(score: number): void {
  if (!isValidNprs(score)) throw new RangeError('Pain must be a whole number from 0 to 10.');
}

/** Daily pain = the highest NPRS logged on each calendar day in the patient's time zone, oldest first. */
export function dailyMaxPain(
  entries: ReadonlyArray<{ recordedAt: Date; score: number }>,
  timeZone: string,
): DailyPain[] {
  const highest = new Map<string, number>();
  for (const entry of entries) {
    checkNprs(entry.score);
    const day = calendarDayIn(entry.recordedAt, timeZone);
    highest.set(day, Math.max(entry.score, highest.get(day) ?? entry.score));
  }
  return [...highest]
    .map(([day, score]) => ({ day, score }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

function byDay(days: ReadonlyArray<DailyPain>): Map<string, number> {
  const map = new Map<string, number>();
  for (const { day, score } of days) {
    if (!isCalendarDay(day)) throw new RangeError(`Expected a calendar day as YYYY-MM-DD, got "${day}".`);
    checkNprs(score);
    map.set(day, Math.max(score, map.get(day) ?? score));
  }
  return map;
}

function checkToday(today: string): void {
  if (!isCalendarDay(today)) throw new RangeError(`Expected a calendar day as YYYY-MM-DD, got "${today}".`);
}

/**
 * B = median daily pain over the 7 days before the last 3 days (the run ending `today`); with fewer than
 * 3 values in those 7 days, the episode's intake NPRS.
 */
export function worseningBaseline(days: ReadonlyArray<DailyPain>, today: string, intakeNprs: number): number {
  checkToday(today);
  checkNprs(intakeNprs);
  const scores = byDay(days);
  const firstRunDay = addDays(today, 1 - WORSENING_RULE.consecutiveDays);
  const values: number[] = [];
  for (let back = WORSENING_RULE.baselineDays; back >= 1; back -= 1) {
    const score = scores.get(addDays(firstRunDay, -back));
    if (score !== undefined) values.push(score);
  }
  return values.length >= WORSENING_RULE.minBaselineValues ? median(values) : intakeNprs;
}

/**
 * Worsening: each of the 3 consecutive days ending `today` has daily pain ≥ B + 2. A day with no entry
 * breaks the run. `lastThree` holds the scores found on those days, oldest first (fewer than 3 if any is missing).
 */
export function isWorsening(
  days: ReadonlyArray<DailyPain>,
  today: string,
  intakeNprs: number,
): { worsening: boolean; baseline: number; lastThree: number[] } {
  const baseline = worseningBaseline(days, today, intakeNprs);
  const scores = byDay(days);
  const lastThree: number[] = [];
  for (let back = WORSENING_RULE.consecutiveDays - 1; back >= 0; back -= 1) {
    const score = scores.get(addDays(today, -back));
    if (score !== undefined) lastThree.push(score);
  }
  const worsening =
    lastThree.length === WORSENING_RULE.consecutiveDays &&
    lastThree.every((score) => score >= baseline + WORSENING_RULE.risePoints);
  return { worsening, baseline, lastThree };
}

/** Severe pain: daily pain ≥ 8 on `today` and on the day before. */
export function isSeverePain(days: ReadonlyArray<DailyPain>, today: string): boolean {
  checkToday(today);
  const scores = byDay(days);
  for (let back = 0; back < SEVERE_PAIN_RULE.consecutiveDays; back += 1) {
    const score = scores.get(addDays(today, -back));
    if (score === undefined || score < SEVERE_PAIN_RULE.score) return false;
  }
  return true;
}

/**
 * Inactive: nothing logged for 7 days. The clock starts at the later of the last activity and the episode
 * start, so a new episode is not inactive in its first 7 days, nor because of activity in an earlier one.
 */
export function isInactive(lastActivityAt: Date | null, now: Date, episodeStart: Date): boolean {
  for (const date of [now, episodeStart, ...(lastActivityAt ? [lastActivityAt] : [])]) {
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new RangeError('Expected valid dates.');
  }
  const since = Math.max(episodeStart.getTime(), lastActivityAt?.getTime() ?? Number.NEGATIVE_INFINITY);
  return now.getTime() - since >= INACTIVE_DAYS * MS_PER_DAY;
}

/** Low adherence: fewer than 50 % of the sessions prescribed over the last 14 days were logged. */
export function isLowAdherence(prescribedSessions: number, loggedSessions: number): boolean {
  for (const count of [prescribedSessions, loggedSessions]) {
    if (!Number.isFinite(count) || count < 0) throw new RangeError('Session counts must be zero or more.');
  }
  if (prescribedSessions === 0) return false;
  return loggedSessions < prescribedSessions * LOW_ADHERENCE_RULE.fraction;
}

/** Questionnaire worsening against the previous response: ODI +10 points, RMDQ +5, PSFS mean −2 or worse. */
export function questionnaireWorsening(instrument: QuestionnaireInstrument, previous: number, latest: number): boolean {
  if (!Number.isFinite(previous) || !Number.isFinite(latest)) throw new RangeError('Scores must be numbers.');
  const threshold = QUESTIONNAIRE_WORSENING[instrument];
  if (threshold === undefined) throw new RangeError(`Unknown questionnaire "${String(instrument)}".`);
  // PSFS: higher is better, so worsening is a fall; ODI and RMDQ measure disability, so it is a rise.
  const worseBy = instrument === 'PSFS' ? previous - latest : latest - previous;
  return worseBy >= threshold - TOLERANCE;
}

/** Every reason an alert is raised for, as stored (the alert_reason enum of db/schema.ts). */
export const ALERT_REASON_CODES = [
  'red-flag',
  'worsening',
  'severe-pain',
  'inactive',
  'low-adherence',
  'questionnaire-worsening',
  'questionnaire-overdue',
] as const;
export type AlertReason = (typeof ALERT_REASON_CODES)[number];

export type AlertReasonInfo = { reason: AlertReason; label: string; definition: string; priority: number };

/** Priority 1 is most urgent; red flags always come first because they can mean an emergency. */
export const ALERT_REASONS: Readonly<Record<AlertReason, AlertReasonInfo>> = {
  'red-flag': {
    reason: 'red-flag',
    label: 'Red flag',
    definition:
      'The patient reported a symptom that can be a sign of a serious problem. A clinician must review it; ' +
      'it is never dismissed automatically.',
    priority: 1,
  },
  'severe-pain': {
    reason: 'severe-pain',
    label: 'Severe pain',
    definition: `Pain of ${SEVERE_PAIN_RULE.score}/10 or more on ${SEVERE_PAIN_RULE.consecutiveDays} days in a row.`,
    priority: 2,
  },
  worsening: {
    reason: 'worsening',
    label: 'Pain getting worse',
    definition:
      `Daily pain (the highest score each day) at least ${WORSENING_RULE.risePoints} points above the usual ` +
      `level on each of the last ${WORSENING_RULE.consecutiveDays} days in a row; a day with no score breaks the ` +
      `run. The usual level is the middle value of the ${WORSENING_RULE.baselineDays} days before those days, or ` +
      `the pain score at the start of care if fewer than ${WORSENING_RULE.minBaselineValues} of them have a score.`,
    priority: 3,
  },
  'questionnaire-worsening': {
    reason: 'questionnaire-worsening',
    label: 'Questionnaire worse',
    definition:
      `Compared with the previous answers: Oswestry score up ${QUESTIONNAIRE_WORSENING.ODI} points or more, ` +
      `Roland-Morris up ${QUESTIONNAIRE_WORSENING.RMDQ} or more, or the activities (PSFS) average down ` +
      `${QUESTIONNAIRE_WORSENING.PSFS} or more.`,
    priority: 4,
  },
  inactive: {
    reason: 'inactive',
    label: 'Inactive',
    definition: `Nothing logged for ${INACTIVE_DAYS} days.`,
    priority: 5,
  },
  'low-adherence': {
    reason: 'low-adherence',
    label: 'Few exercise sessions',
    definition:
      `Fewer than ${LOW_ADHERENCE_RULE.fraction * 100}% of the prescribed exercise sessions logged over the ` +
      `last ${LOW_ADHERENCE_RULE.windowDays} days.`,
    priority: 6,
  },
  'questionnaire-overdue': {
    reason: 'questionnaire-overdue',
    label: 'Questionnaire overdue',
    definition: QUESTIONNAIRE_OVERDUE.text,
    priority: 7,
  },
};

export const ALERT_REASON_ORDER: readonly AlertReason[] = Object.values(ALERT_REASONS)
  .sort((a, b) => a.priority - b.priority)
  .map((info) => info.reason);
