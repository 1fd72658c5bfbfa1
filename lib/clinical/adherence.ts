import { daysBetween, weekStartOf } from '../time/days';

/**
 * This week's adherence (policy). Shown to patients beside the figure, so keep it in step with the code.
 * An exercise done fewer than 7 days a week is spread evenly across the week, so a 3-days-a-week exercise
 * is not "missed" on Monday. Extra sessions of one exercise do not make up for another.
 */
export const ADHERENCE_DEFINITION =
  'Adherence is the exercise sessions you marked done or partly done since Monday, out of the sessions your ' +
  'plan asks for since Monday (exercises for fewer than 7 days a week are spread evenly over the week).';

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

/** Logged (capped per item at what it asks for) ÷ prescribed; fraction is null when nothing was due yet. */
export function weeklyAdherence(items: ReadonlyArray<AdherenceItem>, days: number): Adherence {
  let logged = 0;
  let prescribed = 0;
  for (const item of items) {
    if (!Number.isInteger(item.logged) || item.logged < 0) throw new RangeError('Logged sessions must be 0 or more.');
    const asked = prescribedSessions(item, days);
    prescribed += asked;
    logged += Math.min(item.logged, asked);
  }
  return { logged, prescribed, fraction: prescribed === 0 ? null : logged / prescribed };
}

/** "85 %" for a fraction; whole percent, half up. */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}
