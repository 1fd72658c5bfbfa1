'use server';

import { z } from 'zod';
import { cancelMyAppointment } from '@/lib/dal/appointments';
import { bookFollowUp } from '@/lib/dal/availability';
import { createMyCalendarFeed, revokeMyCalendarFeed } from '@/lib/dal/calendar';
import { refused, type FormResult } from '@/lib/forms';
import { formAction } from '@/lib/forms/action';
import { formatVisitTime } from '@/lib/time';
import { appointmentIdSchema, followUpBookingSchema } from '@/lib/validation/appointments';

export type SlotChoice = { value: string; label: string };

/** Patient: cancels one of their own visits, up to the clinic's window before it. */
export const cancelAppointmentAction = formAction({
  access: 'patient',
  schema: appointmentIdSchema,
  invalid: 'This visit could not be found.',
  run: async ({ appointmentId }) => {
    const outcome = await cancelMyAppointment(appointmentId);
    if (outcome === 'not-found') return refused('This visit could not be found. It may already be cancelled.');
    if (outcome === 'too-late') return refused('It is too late to cancel this visit online. Please phone the clinic.');
  },
  revalidate: '/patient',
});

/**
 * Patient: books one of the free slots offered (the DAL re-checks it against the clinic's rules; the database
 * decides a race). A slot just taken comes back with the next free ones, in the patient's zone.
 */
export const bookFollowUpAction = formAction({
  access: 'patient',
  schema: followUpBookingSchema,
  invalid: 'Choose a time and how you would like to be seen.',
  run: async (input, { viewer }): Promise<FormResult<SlotChoice[]> | void> => {
    const outcome = await bookFollowUp(input);
    if (outcome.status === 'no-care') return refused('You can book a follow-up while you are in care with the clinic.');
    if (outcome.status === 'taken') {
      const timeZone = viewer!.timeZone;
      return { ok: false, formError: outcome.message, data: outcome.nextFree.map((slot) => ({ value: slot.start.toISOString(), label: formatVisitTime(slot.start, slot.end, timeZone) })) };
    }
  },
  revalidate: '/patient',
  redirect: () => '/patient/appointments?booked=1',
});

const confirmSchema = z.object({ confirm: z.literal('yes', 'Something went wrong. Please try again.') }).strict();

/** Patient: a new private calendar address (any earlier one stops working); its secret is shown once. */
export const createCalendarFeedAction = formAction({
  access: 'patient',
  schema: confirmSchema,
  run: async () => ({ ok: true, data: { feedPath: `/api/calendar/${(await createMyCalendarFeed()).secret}` } }),
  revalidate: '/patient/appointments',
});

/** Patient: turns the calendar address off; it answers "not found" from now on. */
export const revokeCalendarFeedAction = formAction({
  access: 'patient',
  schema: confirmSchema,
  run: async () => {
    await revokeMyCalendarFeed();
  },
  revalidate: '/patient/appointments',
});
