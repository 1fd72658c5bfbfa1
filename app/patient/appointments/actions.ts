'use server';

import { revalidatePath } from 'next/cache';
import { cancelMyAppointment } from '@/lib/dal/appointments';
import { bookFollowUp } from '@/lib/dal/availability';
import { formAction } from '@/lib/forms/action';
import { refused } from '@/lib/forms/result';
import { formatVisitTime } from '@/lib/time';
import { appointmentIdSchema, followUpBookingSchema } from '@/lib/validation/appointments';

export type SlotChoice = { value: string; label: string };
/** A slot just taken comes back with the next free ones. */
export type NextFree = { nextFree: SlotChoice[] };

/** One DAL call, which checks the visit is the patient's own and the clinic's window. */
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
 * One DAL call, which re-checks the slot against the clinic's rules (the database decides a race), then
 * the appointments page; a slot just taken comes back with the next free ones, in the patient's zone.
 */
export const bookFollowUpAction = formAction({
  access: 'patient',
  schema: followUpBookingSchema,
  invalid: 'Check the answers marked below.',
  run: async (booking, { viewer }) => {
    const outcome = await bookFollowUp(booking);
    if (outcome.status === 'no-care') return refused('You can book a follow-up while you are in care with the clinic.');
    if (outcome.status === 'taken') {
      // The page's list of free times is out of date too.
      revalidatePath('/patient/appointments/book');
      const nextFree = outcome.nextFree.map((slot) => ({ value: slot.start.toISOString(), label: formatVisitTime(slot.start, slot.end, viewer!.timeZone) }));
      return { ok: false, formError: outcome.message, data: { nextFree } as NextFree };
    }
  },
  revalidate: '/patient',
  redirect: () => '/patient/appointments?booked=1',
});
