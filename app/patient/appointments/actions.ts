'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireRole } from '@/lib/auth/viewer';
import { cancelMyAppointment } from '@/lib/dal/appointments';
import { bookFollowUp } from '@/lib/dal/availability';
import { refusal, type ActionResult } from '@/lib/errors';
import { formatVisitTime } from '@/lib/time';
import { appointmentIdSchema, followUpBookingSchema } from '@/lib/validation/appointments';
import { fieldErrors } from '@/lib/validation/common';
import { formDataToObject } from '@/lib/validation/form-data';

export type CancelState = ActionResult & { cancelled?: boolean };

/** Parse, one DAL call (which checks the visit is the patient's own and the clinic's window), result. */
export async function cancelAppointmentAction(_previous: CancelState, form: FormData): Promise<CancelState> {
  const parsed = appointmentIdSchema.safeParse(formDataToObject(form));
  if (!parsed.success) return { ok: false, formError: 'This visit could not be found.' };
  const outcome = await cancelMyAppointment(parsed.data.appointmentId).catch(refusal);
  if (typeof outcome === 'object') return outcome;
  if (outcome === 'not-found') return { ok: false, formError: 'This visit could not be found. It may already be cancelled.' };
  if (outcome === 'too-late') return { ok: false, formError: 'It is too late to cancel this visit online. Please phone the clinic.' };
  revalidatePath('/patient/appointments');
  revalidatePath('/patient');
  return { ok: true, cancelled: true };
}

export type SlotChoice = { value: string; label: string };
export type BookState = ActionResult & { nextFree?: SlotChoice[] };

/**
 * Parse, one DAL call (which re-checks the slot against the clinic's rules; the database decides a race),
 * then the appointments page; a slot just taken comes back with the next free ones, in the patient's zone.
 */
export async function bookFollowUpAction(_previous: BookState, form: FormData): Promise<BookState> {
  const parsed = followUpBookingSchema.safeParse(formDataToObject(form));
  if (!parsed.success) return { ok: false, formError: 'Check the answers marked below.', fieldErrors: fieldErrors(parsed.error) };
  const viewer = await requireRole('patient').catch(refusal);
  if ('ok' in viewer) return viewer;
  const outcome = await bookFollowUp(parsed.data).catch(refusal);
  if ('ok' in outcome) return outcome;
  if (outcome.status === 'no-care') return { ok: false, formError: 'You can book a follow-up while you are in care with the clinic.' };
  if (outcome.status === 'taken') {
    revalidatePath('/patient/appointments/book');
    return {
      ok: false,
      formError: outcome.message,
      nextFree: outcome.nextFree.map((slot) => ({ value: slot.start.toISOString(), label: formatVisitTime(slot.start, slot.end, viewer.timeZone) })),
    };
  }
  revalidatePath('/patient/appointments');
  revalidatePath('/patient');
  redirect('/patient/appointments?booked=1');
}
