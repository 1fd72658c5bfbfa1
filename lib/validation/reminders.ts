import { z } from 'zod';
import {
  inQuietHours,
  MAX_EXERCISE_TIMES,
  minuteToTime,
  NUDGE_DAYS_LIMITS,
  REMINDER_CHANNELS,
  REMINDER_KINDS,
  timeToMinute,
  type ChannelSwitches,
  type ReminderPreferences,
} from '@/lib/reminders/preferences';
import { wholeNumber } from './fields';

const TIME_MESSAGE = 'Enter a time as hours and minutes, such as 08:00 or 18:30.';

/** A 24-hour time HH:MM, as a time input sends it, to minutes after midnight. */
const timeOfDay = z
  .string({ error: TIME_MESSAGE })
  .refine((value) => timeToMinute(value) !== null, TIME_MESSAGE)
  .transform((value) => timeToMinute(value)!);

const KNOWN_SWITCHES = new Set(REMINDER_KINDS.flatMap((kind) => REMINDER_CHANNELS.map((channel) => `${kind}:${channel}`)));

/**
 * The reminder preferences form, as formDataToObject(form, { arrays: ['exerciseTimes'], groups: ['channel'] })
 * gives it: `exerciseTimes` (blank inputs ignored), `channel-<kind>:<channel>` ticked boxes, and quiet hours
 * (`quiet` ticked, `quietStart`, `quietEnd`). Refused, with the message beside the field: a time that is not
 * a time, the same time twice, a time inside quiet hours, quiet hours that start and end together, and a
 * switch for a kind or channel Uplift does not have.
 */
export const reminderPreferencesSchema = z
  .object({
    exerciseTimes: z.array(z.string({ error: TIME_MESSAGE }), { error: TIME_MESSAGE }).max(MAX_EXERCISE_TIMES + 1, `Choose at most ${MAX_EXERCISE_TIMES} reminder times.`),
    quiet: z.literal('on', { error: 'Tick the box or leave it empty.' }).optional(),
    quietStart: z.string({ error: TIME_MESSAGE }).optional(),
    quietEnd: z.string({ error: TIME_MESSAGE }).optional(),
    channel: z.record(z.string(), z.unknown(), { error: 'Choose channels with the boxes.' }),
  })
  .strict()
  .superRefine((form, context) => {
    for (const [key, value] of Object.entries(form.channel)) {
      if (KNOWN_SWITCHES.has(key)) {
        if (value !== 'on') context.addIssue({ code: 'custom', path: ['channel'], message: 'Tick a box or leave it empty.' });
        continue;
      }
      const [kind, channel] = key.split(':');
      const message = !REMINDER_KINDS.includes(kind as never)
        ? `Uplift has no reminder called “${kind}”.`
        : `Uplift cannot remind you by “${channel ?? ''}”. Choose in Uplift, email or push.`;
      context.addIssue({ code: 'custom', path: ['channel'], message });
    }
  })
  .transform((form, context): ReminderPreferences => {
    let quiet: ReminderPreferences['quiet'] = null;
    if (form.quiet === 'on') {
      const start = timeOfDay.safeParse(form.quietStart ?? '');
      const end = timeOfDay.safeParse(form.quietEnd ?? '');
      if (!start.success) context.addIssue({ code: 'custom', path: ['quietStart'], message: TIME_MESSAGE });
      if (!end.success) context.addIssue({ code: 'custom', path: ['quietEnd'], message: TIME_MESSAGE });
      if (start.success && end.success) {
        if (start.data === end.data) context.addIssue({ code: 'custom', path: ['quietEnd'], message: 'Quiet hours must end at a different time from when they start.' });
        else quiet = { start: start.data, end: end.data };
      }
    }
    const minutes: number[] = [];
    form.exerciseTimes.forEach((value, index) => {
      if (value === '') return;
      const parsed = timeOfDay.safeParse(value);
      if (!parsed.success) return context.addIssue({ code: 'custom', path: ['exerciseTimes', index], message: TIME_MESSAGE });
      if (minutes.includes(parsed.data)) return context.addIssue({ code: 'custom', path: ['exerciseTimes', index], message: `You already have a reminder at ${minuteToTime(parsed.data)}.` });
      if (quiet && inQuietHours(parsed.data, quiet)) {
        return context.addIssue({
          code: 'custom',
          path: ['exerciseTimes', index],
          message: `${minuteToTime(parsed.data)} is inside your quiet hours (${minuteToTime(quiet.start)} to ${minuteToTime(quiet.end)}). Choose another time or change your quiet hours.`,
        });
      }
      minutes.push(parsed.data);
    });
    if (minutes.length > MAX_EXERCISE_TIMES) context.addIssue({ code: 'custom', path: ['exerciseTimes'], message: `Choose at most ${MAX_EXERCISE_TIMES} reminder times.` });
    const channels = Object.fromEntries(
      REMINDER_KINDS.map((kind) => [kind, Object.fromEntries(REMINDER_CHANNELS.map((channel) => [channel, form.channel[`${kind}:${channel}`] === 'on']))]),
    ) as ChannelSwitches;
    return { exerciseMinutes: minutes.sort((a, b) => a - b), quiet, channels };
  });

export const nudgeDaysSchema = z
  .object({
    nudgeDays: wholeNumber(NUDGE_DAYS_LIMITS.min, NUDGE_DAYS_LIMITS.max, `Enter a whole number of days, from ${NUDGE_DAYS_LIMITS.min} to ${NUDGE_DAYS_LIMITS.max}.`),
  })
  .strict();
