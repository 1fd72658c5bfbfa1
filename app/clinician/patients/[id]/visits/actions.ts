'use server';

import { bookVisit } from '@/lib/dal/appointments';
import { formAction } from '@/lib/forms/action';
import { refused } from '@/lib/forms/result';
import { visitBookingSchema } from '@/lib/validation/appointments';
import { uuidSchema } from '@/lib/validation/fields';

const NOT_FOUND = 'This patient record could not be found.';

/** One DAL call, which checks the clinician's right to the episode and the booking rules. */
export const bookVisitAction = formAction({
  access: 'clinician',
  id: uuidSchema,
  notFound: NOT_FOUND,
  schema: visitBookingSchema,
  invalid: 'Check the answers marked below.',
  run: async (visit, { id }) => {
    const outcome = await bookVisit(id, visit);
    if (outcome.status === 'not-found') return refused(NOT_FOUND);
    if (outcome.status === 'refused') return outcome.field ? refused('The visit was not booked.', { [outcome.field]: [outcome.message] }) : refused(outcome.message);
  },
  revalidate: (_visit, { id }) => `/clinician/patients/${id}/visits`,
});
