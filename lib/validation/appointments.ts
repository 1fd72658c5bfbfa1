import { z } from 'zod';
import { APPOINTMENT_KINDS, ATTENDANCE_OUTCOMES, BOOKING_RULE_LIMITS, VISIT_MINUTES } from '@/lib/appointments/rules';
import { calendarDate, submissionIdField, text, wholeNumber } from './fields';

export const LOCATION_MAX = 300;
export const VIDEO_URL_MAX = 500;

/** A wall-clock time from a time input (HH:MM, 24-hour). */
export const clockTime = z.string({ error: 'Enter a time such as 09:30.' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time such as 09:30.');

const videoUrl = z
  .string()
  .trim()
  .max(VIDEO_URL_MAX, `The video link must be ${VIDEO_URL_MAX} characters or fewer.`)
  .refine((value) => {
    if (value === '') return true;
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Enter the video link as a full address starting with https://');

/** A visit the clinician books: how, which day and time in the clinic's zone, how long, and where or by which link. */
export const visitBookingSchema = z
  .object({
    submissionId: submissionIdField,
    kind: z.enum(APPOINTMENT_KINDS, { error: 'Choose in person, video or phone.' }),
    day: calendarDate,
    time: clockTime,
    minutes: wholeNumber(VISIT_MINUTES.min, VISIT_MINUTES.max, `Enter a length from ${VISIT_MINUTES.min} to ${VISIT_MINUTES.max} minutes.`),
    location: text('Place', LOCATION_MAX),
    videoUrl,
  })
  .strict()
  .superRefine((visit, context) => {
    if (visit.kind === 'video' && visit.videoUrl === '') context.addIssue({ code: 'custom', path: ['videoUrl'], message: 'Enter the link the patient joins the video call by.' });
    if (visit.kind === 'in-person' && visit.location === '') context.addIssue({ code: 'custom', path: ['location'], message: 'Enter where the visit takes place.' });
  });
export type VisitBookingInput = z.infer<typeof visitBookingSchema>;

export const attendanceSchema = z
  .object({ appointmentId: z.uuid('Unknown visit.'), attendance: z.enum(ATTENDANCE_OUTCOMES, { error: 'Choose what happened.' }) })
  .strict();

export const appointmentIdSchema = z.object({ appointmentId: z.uuid('Unknown visit.') }).strict();

/** A follow-up a patient books: one of the free slots offered (its start, as sent by the page). */
export const followUpBookingSchema = z
  .object({
    submissionId: submissionIdField,
    slot: z.iso.datetime({ error: 'Choose a time from the list.' }),
    kind: z.enum(['in-person', 'phone'], { error: 'Choose in person or phone.' }),
  })
  .strict();

/** The clinic's booking rules (Manager → Settings). */
export const bookingRulesSchema = z
  .object({
    horizonDays: wholeNumber(BOOKING_RULE_LIMITS.horizonDays.min, BOOKING_RULE_LIMITS.horizonDays.max, `Enter from ${BOOKING_RULE_LIMITS.horizonDays.min} to ${BOOKING_RULE_LIMITS.horizonDays.max} days.`),
    slotMinutes: wholeNumber(BOOKING_RULE_LIMITS.slotMinutes.min, BOOKING_RULE_LIMITS.slotMinutes.max, `Enter from ${BOOKING_RULE_LIMITS.slotMinutes.min} to ${BOOKING_RULE_LIMITS.slotMinutes.max} minutes.`),
    cancellationWindowHours: wholeNumber(
      BOOKING_RULE_LIMITS.cancellationWindowHours.min,
      BOOKING_RULE_LIMITS.cancellationWindowHours.max,
      `Enter from ${BOOKING_RULE_LIMITS.cancellationWindowHours.min} to ${BOOKING_RULE_LIMITS.cancellationWindowHours.max} hours.`,
    ),
  })
  .strict();

/** One weekly window the clinician is available in. */
export const weeklyWindowSchema = z
  .object({ weekday: wholeNumber(1, 7, 'Choose a day of the week.'), startTime: clockTime, endTime: clockTime })
  .strict()
  .refine((window) => window.endTime > window.startTime, { path: ['endTime'], message: 'The end must be after the start.' });

/** A change to one day: time off (whole day when no times are given) or extra hours. */
export const availabilityExceptionSchema = z
  .object({
    day: calendarDate,
    kind: z.enum(['unavailable', 'extra'], { error: 'Choose time off or extra hours.' }),
    startTime: z.union([z.literal(''), clockTime]),
    endTime: z.union([z.literal(''), clockTime]),
  })
  .strict()
  .superRefine((exception, context) => {
    if ((exception.startTime === '') !== (exception.endTime === '')) context.addIssue({ code: 'custom', path: [exception.startTime === '' ? 'startTime' : 'endTime'], message: 'Enter both times, or neither for the whole day.' });
    else if (exception.kind === 'extra' && exception.startTime === '') context.addIssue({ code: 'custom', path: ['startTime'], message: 'Enter the extra hours.' });
    else if (exception.startTime !== '' && exception.endTime <= exception.startTime) context.addIssue({ code: 'custom', path: ['endTime'], message: 'The end must be after the start.' });
  });

/** Asking to move a visit: an optional note for the care team (sent as a secure message). */
export const MOVE_NOTE_MAX = 1000;
export const moveRequestSchema = z
  .object({ submissionId: submissionIdField, appointmentId: z.uuid('Unknown visit.'), note: text('Your note', MOVE_NOTE_MAX) })
  .strict();
