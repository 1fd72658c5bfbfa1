'use server';

import { revalidatePath } from 'next/cache';
import { recordAttendance } from '@/lib/dal/clinician-day';
import { refusal, type ActionResult } from '@/lib/errors';
import { attendanceSchema } from '@/lib/validation/appointments';
import { formDataToObject } from '@/lib/validation/form-data';

export type AttendanceState = ActionResult & { saved?: boolean };

/** Parse, one DAL call (which checks the visit is the clinician's, or covered, and has started), result. */
export async function recordAttendanceAction(_previous: AttendanceState, form: FormData): Promise<AttendanceState> {
  const parsed = attendanceSchema.safeParse(formDataToObject(form));
  if (!parsed.success) return { ok: false, formError: parsed.error.issues[0]?.message ?? 'Choose what happened.' };
  const outcome = await recordAttendance(parsed.data.appointmentId, parsed.data.attendance).catch(refusal);
  if (typeof outcome === 'object') return outcome;
  if (outcome === 'not-found') return { ok: false, formError: 'This visit could not be found.' };
  if (outcome === 'not-started') return { ok: false, formError: 'Attendance can be recorded once the visit has started.' };
  revalidatePath('/clinician/day');
  return { ok: true, saved: true };
}
