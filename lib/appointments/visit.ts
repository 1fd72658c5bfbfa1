import type { AppointmentKind, Attendance } from './rules';

/**
 * A visit as the views of it show it (the patient's and the clinician's visit lists, the clinician's day,
 * calendar files): when, how and where, with whom, and what became of it. The DAL selects it with
 * lib/dal/internal/visit-columns.ts.
 */
export type Visit = {
  id: string;
  kind: AppointmentKind;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  videoUrl: string | null;
  status: 'booked' | 'cancelled';
  attendance: Attendance | null;
  clinicianName: string;
};
