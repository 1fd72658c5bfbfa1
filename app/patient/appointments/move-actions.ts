'use server';

import { requestVisitMove } from '@/lib/dal/appointments';
import { refused } from '@/lib/forms';
import { formAction } from '@/lib/forms/action';
import { moveRequestSchema } from '@/lib/validation/appointments';

/** Patient: asks the care team to move a coming visit; it goes to them as a secure message. */
export const requestVisitMoveAction = formAction({
  access: 'patient',
  schema: moveRequestSchema,
  run: async ({ appointmentId, submissionId, note }) => {
    const outcome = await requestVisitMove(appointmentId, { submissionId, note });
    if (outcome.status === 'not-found') return refused('This visit could not be found. It may have been cancelled or already taken place.');
    if (outcome.status === 'refused') return refused(outcome.message);
  },
  revalidate: '/patient/messages',
});
