'use server';

import { recordAttendance } from '@/lib/dal/clinician-day';
import { refused } from '@/lib/forms';
import { formAction } from '@/lib/forms/action';
import { attendanceSchema } from '@/lib/validation/appointments';

/** Clinician: records what happened at a visit of theirs (or one they cover) that has started. */
export const recordAttendanceAction = formAction({
  access: 'clinician',
  schema: attendanceSchema,
  invalid: (error) => error.issues[0]?.message ?? 'Choose what happened.',
  run: async ({ appointmentId, attendance }) => {
    const outcome = await recordAttendance(appointmentId, attendance);
    if (outcome === 'not-found') return refused('This visit could not be found.');
    if (outcome === 'not-started') return refused('Attendance can be recorded once the visit has started.');
  },
  revalidate: '/clinician/day',
});
