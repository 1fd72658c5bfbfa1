import { daysBetween, weekStartOf } from '../time/days';

/**
 * Adherence (policy, docs/CLINICAL.md "Figures"): one rule, over a window each place names. Sessions count
 * up to what the plan asked for in the window, so logging extra sessions never lifts it above 100 %.
 */
export const ADHERENCE_RULE =
  'exercise sessions marked done or partly done, out of the sessions the plan asked for in the same days ' +
  '(an exercise for fewer than 7 days a week is spread evenly over the week); sessions beyond what the plan ' +
  'asked for do not count';

/** The windows adherence is shown over: the patient's week, the caseload's recent days, the manager's outcome. */
export const ADHERENCE_WINDOWS = {
  week: { days: null, words: 'since Monday, today included' },
  weeks: { days: null, words: 'for each week, Monday to Sunday' },
  'weeks-of-care': { days: null, words: 'for each full week of care, counted from the day care started' },
  recent: { days: 7, words: 'over the last 7 full days (today not included)' },
  outcome: { days: 28, words: 'over the last 28 days of the episode (up to discharge, or up to today)' },
} as const;
export type AdherenceWindow = keyof typeof ADHERENCE_WINDOWS;

/** The sentence shown beside an adherence figure over `window`. */
export function adherenceDefinition(window: AdherenceWindow): string {
  return `Adherence ${ADHERENCE_WINDOWS[window].words}: ${ADHERENCE_RULE}.`;
}

/** Logged ÷ prescribed with logged counted up to prescribed; null when nothing was asked for. */
export function adherenceFraction(logged: number, prescribed: number): number | null {
  if (!Number.isFinite(logged) || logged < 0 || !Number.isFinite(prescribed) || prescribed < 0) {
    throw new RangeError('Session counts must be zero or more.');
  }
  return prescribed === 0 ? null : Math.min(logged, prescribed) / prescribed;
}

/** This week's adherence, as the patient sees it. */
export const ADHERENCE_DEFINITION = adherenceDefinition('week');

export type AdherenceItem = { timesPerDay: number; daysPerWeek: number; logged: number };

export type Adherence = { logged: number; prescribed: number; fraction: number | null };

/**
 * Days of this week that count, Monday (or the episode's first day, if later) up to and including today:
 * 0 when the episode starts after today.
 */
export function daysCountedThisWeek(today: string, episodeStartDay: string): number {
  const from = [weekStartOf(today), episodeStartDay].sort().at(-1)!;
  return Math.max(0, daysBetween(from, today) + 1);
}

/** Sessions an item asks for over `days` days of one week: timesPerDay × daysPerWeek × days ÷ 7, rounded. */
export function prescribedSessions(item: Pick<AdherenceItem, 'timesPerDay' | 'daysPerWeek'>, days: number): number {
  if (!Number.isInteger(days) || days < 0 || days > 7) throw new RangeError('Days counted must be 0 to 7.');
  if (!Number.isInteger(item.timesPerDay) || item.timesPerDay < 1) throw new RangeError('Times a day must be at least 1.');
  if (!Number.isInteger(item.daysPerWeek) || item.daysPerWeek < 1 || item.daysPerWeek > 7) {
    throw new RangeError('Days a week must be 1 to 7.');
  }
  return item.timesPerDay * Math.round((item.daysPerWeek * days) / 7);
}

/** Adherence over `days` days of one week (ADHERENCE_RULE): logged sessions count up to the total prescribed. */
export function weeklyAdherence(items: ReadonlyArray<AdherenceItem>, days: number): Adherence {
  let logged = 0;
  let prescribed = 0;
  for (const item of items) {
    if (!Number.isInteger(item.logged) || item.logged < 0) throw new RangeError('Logged sessions must be 0 or more.');
    prescribed += prescribedSessions(item, days);
    logged += item.logged;
  }
  const fraction = adherenceFraction(logged, prescribed);
  return { logged: Math.min(logged, prescribed), prescribed, fraction };
}

/** "85 %" for a fraction; whole percent, half up. */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}
