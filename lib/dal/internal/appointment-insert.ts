import 'server-only';
import { overlapRefusal } from '@/db/errors';
import { getDb } from '@/db/client';
import { appointments } from '@/db/schema';
import type { AppointmentKind } from '@/lib/appointments/rules';
import { recordAudit } from '@/lib/audit/record';

export type BookingField = 'day' | 'time' | 'minutes' | 'kind';
export type BookingOutcome =
  | { status: 'booked'; appointmentId: string | null }
  | { status: 'not-found' }
  | { status: 'refused'; field: BookingField | null; message: string };

type NewAppointment = {
  clinicId: string;
  episodeId: string;
  patientId: string;
  clinicianId: string;
  bookedBy: string;
  kind: AppointmentKind;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  videoUrl: string | null;
  submissionId: string;
  audit: Omit<Parameters<typeof recordAudit>[1], 'outcome'>;
};

/**
 * The one insert of a visit, with its audit row in the same transaction. An overlap refused by the database
 * (SQLSTATE 23P01) comes back as a refusal; a repeated submission id stores nothing. Unchecked: callers
 * (bookVisit, bookFollowUp) have applied the care-team rule and the booking rules.
 */
export async function insertAppointment(visit: NewAppointment): Promise<BookingOutcome> {
  const { audit, ...values } = visit;
  try {
    const id = await getDb().transaction(async (tx) => {
      const [row] = await tx
        .insert(appointments)
        .values(values)
        // Only the submission id is an arbiter: an overlap must still fail on the exclusion constraints.
        .onConflictDoNothing({ target: appointments.submissionId })
        .returning({ id: appointments.id });
      if (!row) return null;
      await recordAudit(tx, { ...audit, outcome: 'success', resourceType: 'appointment', resourceId: row.id });
      return row.id;
    });
    return { status: 'booked', appointmentId: id };
  } catch (error) {
    const refusal = overlapRefusal(error);
    if (!refusal) throw error;
    return { status: 'refused', field: 'time', message: refusal.message };
  }
}

