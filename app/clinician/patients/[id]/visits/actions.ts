'use server';

import { bookVisit } from '@/lib/dal/appointments';
import { fieldRefused, refused } from '@/lib/forms';
import { formAction } from '@/lib/forms/action';
import { visitBookingSchema } from '@/lib/validation/appointments';
import { onEpisode, RECORD_NOT_FOUND } from '../episode-action';

/** Clinician: books a visit with the patient of the bound episode (the DAL checks the care team and the booking rules). */
export const bookVisitAction = formAction({
  ...onEpisode,
  schema: visitBookingSchema,
  invalid: 'Check the answers marked below.',
  run: async (input, { id }) => {
    const outcome = await bookVisit(id, input);
    if (outcome.status === 'not-found') return refused(RECORD_NOT_FOUND);
    if (outcome.status === 'refused') return outcome.field ? fieldRefused(outcome.field, outcome.message, 'The visit was not booked.') : refused(outcome.message);
  },
  revalidate: (_input, { id }) => `/clinician/patients/${id}/visits`,
});
