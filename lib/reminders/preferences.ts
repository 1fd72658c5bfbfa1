/**
 * What a patient can choose about their reminders, and what they get before they choose
 * (docs/CLINICAL.md, "Reminders"). Pure: shared by the preferences form, the data access layer and
 * the reminder job.
 */

export const REMINDER_KINDS = ['exercise', 'questionnaire', 'nudge'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_CHANNELS = ['in-app', 'email', 'push'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

export const REMINDER_KIND_LABEL: Record<ReminderKind, string> = {
  exercise: 'Exercise reminders',
  questionnaire: 'Questionnaire due',
  nudge: 'Nudge after a few quiet days',
};

export const REMINDER_CHANNEL_LABEL: Record<ReminderChannel, string> = {
  'in-app': 'In Uplift',
  email: 'Email',
  push: 'Push to my devices',
};

/** At most this many exercise reminder times a day. */
export const MAX_EXERCISE_TIMES = 6;

/** Clinic setting: days with nothing logged before the nudge (Manager → Settings). */
export const NUDGE_DAYS_DEFAULT = 3;
export const NUDGE_DAYS_LIMITS = { min: 1, max: 30 } as const;

export type ChannelSwitches = Record<ReminderKind, Record<ReminderChannel, boolean>>;

export type ReminderPreferences = {
  /** Minutes after midnight in the patient's zone, ascending, no repeats. */
  exerciseMinutes: number[];
  /** Quiet hours as minutes after midnight; may wrap past midnight (21:00 → 08:00). Null: none. */
  quiet: { start: number; end: number } | null;
  channels: ChannelSwitches;
};

/**
 * Before a patient chooses: no exercise reminder times (they pick when suits them); questionnaires and the
 * nudge on every channel; exercise reminders, once timed, in the app and by push but not by email (a daily
 * email is more than most people want); quiet from 21:00 to 08:00.
 */
export const DEFAULT_REMINDER_PREFERENCES: ReminderPreferences = {
  exerciseMinutes: [],
  quiet: { start: 21 * 60, end: 8 * 60 },
  channels: {
    exercise: { 'in-app': true, email: false, push: true },
    questionnaire: { 'in-app': true, email: true, push: true },
    nudge: { 'in-app': true, email: true, push: true },
  },
};

/** "08:05" for 485. */
export function minuteToTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** 485 for "08:05"; null for anything that is not a 24-hour time HH:MM. */
export function timeToMinute(value: string): number | null {
  const match = /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Whether `minute` of the day falls in quiet hours (start inclusive, end exclusive; may wrap midnight). */
export function inQuietHours(minute: number, quiet: ReminderPreferences['quiet']): boolean {
  if (!quiet) return false;
  return quiet.start < quiet.end ? minute >= quiet.start && minute < quiet.end : minute >= quiet.start || minute < quiet.end;
}

/** The channels switched on for `kind`. */
export function channelsFor(preferences: ReminderPreferences, kind: ReminderKind): ReminderChannel[] {
  return REMINDER_CHANNELS.filter((channel) => preferences.channels[kind][channel]);
}
