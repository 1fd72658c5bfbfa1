import { addDays, isCalendarDay } from '../time/days';
import type { Instrument } from './instruments';

/** Days after the due day before a questionnaire counts as overdue (policy). */
export const OVERDUE_AFTER_DAYS = 7;
/** A clinician's one-off request is met by a response completed up to this many days before it (policy). */
export const REQUEST_WINDOW_DAYS = 7;

export type ScheduleOverride = { enabled: boolean; intervalWeeks: number | null; dueDay: string | null };

export type DueInput = {
  instrument: Instrument;
  /** Local calendar days (patient's time zone). */
  episodeStartDay: string;
  today: string;
  /** episodes.questionnaire_interval_weeks (default 4). */
  episodeIntervalWeeks: number;
  override: ScheduleOverride | null;
  /** Local days of completed responses, any order. */
  completedDays: ReadonlyArray<string>;
};

export type DueState = {
  dueDay: string;
  reason: 'baseline' | 'routine' | 'requested';
  isDue: boolean;
  isOverdue: boolean;
};

/**
 * When a questionnaire is next due (docs/CLINICAL.md, Questionnaire schedule):
 * - ODI and PSFS: baseline at the start of the episode, then every `episodeIntervalWeeks` weeks after the last
 *   completed response; a schedule row may change the interval or switch the instrument off.
 * - STarT Back: baseline only, unless a schedule row gives it an interval. RMDQ: only when a schedule row enables it.
 * - A schedule row's due day is a one-off request, met by a response completed on or after 7 days before it.
 * Returns null when nothing is scheduled (switched off, or one-off instruments already done).
 */
export function nextQuestionnaireDue(input: DueInput): DueState | null {
  for (const day of [input.episodeStartDay, input.today, ...input.completedDays]) {
    if (!isCalendarDay(day)) throw new RangeError(`Expected a calendar day as YYYY-MM-DD, got "${day}".`);
  }
  const { override } = input;
  if (override && !override.enabled) return null;
  if (!override && input.instrument === 'RMDQ') return null;
  const interval = override?.intervalWeeks ?? (input.instrument === 'STARTBACK' ? null : input.episodeIntervalWeeks);
  if (interval !== null && (!Number.isInteger(interval) || interval < 1 || interval > 52)) {
    throw new RangeError('The interval must be a whole number of weeks from 1 to 52.');
  }
  const last = [...input.completedDays].sort().at(-1) ?? null;

  const candidates: { dueDay: string; reason: DueState['reason'] }[] = [];
  if (last === null) candidates.push({ dueDay: input.episodeStartDay, reason: 'baseline' });
  else if (interval !== null) candidates.push({ dueDay: addDays(last, interval * 7), reason: 'routine' });
  if (override?.dueDay) {
    if (!isCalendarDay(override.dueDay)) throw new RangeError('The requested due day must be YYYY-MM-DD.');
    const met = last !== null && last >= addDays(override.dueDay, -REQUEST_WINDOW_DAYS);
    if (!met) candidates.push({ dueDay: override.dueDay, reason: 'requested' });
  }
  if (candidates.length === 0) return null;
  const next = candidates.sort((a, b) => (a.dueDay < b.dueDay ? -1 : a.dueDay > b.dueDay ? 1 : 0))[0]!;
  return {
    ...next,
    isDue: next.dueDay <= input.today,
    isOverdue: addDays(next.dueDay, OVERDUE_AFTER_DAYS) <= input.today,
  };
}
