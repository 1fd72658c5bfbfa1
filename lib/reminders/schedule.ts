/**
 * Which reminders a patient is due at a given instant (docs/CLINICAL.md, "Reminders"). Pure: the
 * reminder job loads the facts and the clock, and this decides, so every rule has one definition and
 * tests can move the clock freely.
 */
import { daysBetween, localDay, localMinuteOfDay, zonedTimeToUtc } from '@/lib/time';
import { channelsFor, inQuietHours, minuteToTime, type ReminderChannel, type ReminderKind, type ReminderPreferences } from './preferences';

/** An exercise reminder may go this late (a busy or restarted server); after that it is not sent. */
export const EXERCISE_REMINDER_GRACE_MINUTES = 60;
/** Questionnaire and nudge reminders go from this local time (or when quiet hours end, if later). */
export const DAYTIME_REMINDER_MINUTE = 9 * 60;

export type ReminderFacts = {
  userId: string;
  timeZone: string;
  preferences: ReminderPreferences;
  /** The current plan still asks for a session today (lib/dal/internal/reminders.ts decides it in SQL for "today"). */
  planHasExercisesToday: boolean;
  /** Questionnaires due on or before today and not answered since, by instrument with their due day. */
  dueQuestionnaires: { instrument: string; dueDay: string }[];
  /** The newest local day with anything logged (pain, exercise, questionnaire), else the episode's first day. */
  lastActivityDay: string;
  /** The clinic's nudge setting (days with nothing logged). */
  nudgeDays: number;
};

export type DueReminder = {
  kind: ReminderKind;
  /** Unique per patient, kind and occasion: the same reminder is never sent twice, whoever runs the job. */
  dedupeKey: string;
  channels: ReminderChannel[];
};

/** The patient's local day and minute of the day at `now`. */
export function localClock(now: Date, timeZone: string): { day: string; minute: number } {
  return { day: localDay(now, timeZone), minute: localMinuteOfDay(now, timeZone) };
}

export function remindersDue(now: Date, facts: ReminderFacts): DueReminder[] {
  const { preferences } = facts;
  const clock = localClock(now, facts.timeZone);
  if (inQuietHours(clock.minute, preferences.quiet)) return [];
  const due: DueReminder[] = [];

  const exerciseChannels = channelsFor(preferences, 'exercise');
  if (facts.planHasExercisesToday && exerciseChannels.length > 0) {
    // The latest time that has come and is still within its grace period: a server down all morning
    // does not send the 08:00 and 10:00 reminders together at 10:30.
    const slot = [...preferences.exerciseMinutes]
      .sort((a, b) => b - a)
      .find((minute) => {
        const at = zonedTimeToUtc(clock.day, Math.floor(minute / 60), minute % 60, facts.timeZone).getTime();
        return at <= now.getTime() && now.getTime() < at + EXERCISE_REMINDER_GRACE_MINUTES * 60_000;
      });
    if (slot !== undefined) {
      due.push({ kind: 'exercise', dedupeKey: `reminder:exercise:${facts.userId}:${clock.day}:${minuteToTime(slot)}`, channels: exerciseChannels });
    }
  }

  if (clock.minute < DAYTIME_REMINDER_MINUTE) return due;

  const questionnaireChannels = channelsFor(preferences, 'questionnaire');
  if (questionnaireChannels.length > 0) {
    const first = [...facts.dueQuestionnaires].filter((item) => item.dueDay <= clock.day).sort((a, b) => (a.dueDay < b.dueDay ? -1 : 1))[0];
    // One reminder per questionnaire falling due: the patient is not chased daily.
    if (first) due.push({ kind: 'questionnaire', dedupeKey: `reminder:questionnaire:${facts.userId}:${first.instrument}:${first.dueDay}`, channels: questionnaireChannels });
  }

  const nudgeChannels = channelsFor(preferences, 'nudge');
  if (nudgeChannels.length > 0 && daysBetween(facts.lastActivityDay, clock.day) >= facts.nudgeDays) {
    // One nudge per quiet spell: keyed by the last day something was logged.
    due.push({ kind: 'nudge', dedupeKey: `reminder:nudge:${facts.userId}:${facts.lastActivityDay}`, channels: nudgeChannels });
  }
  return due;
}
