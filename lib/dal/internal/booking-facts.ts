import 'server-only';
import { and, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { appointments, availabilityExceptions, clinicianAvailability, clinics } from '@/db/schema';
import type { BookingRules } from '@/lib/appointments/rules';

/**
 * Unscoped facts the booking rules need (docs/APPOINTMENTS.md): a clinic's zone and rules, a clinician's
 * availability and booked times. Only viewer-checked functions in lib/dal call these, after their check.
 */

export type ClinicBooking = { timeZone: string; address: string | null; rules: BookingRules };

/** Unscoped: the clinic's zone, address and booking rules. Callers have already checked the viewer belongs to it. */
export async function loadClinicBooking(clinicId: string): Promise<ClinicBooking> {
  const [row] = await getDb()
    .select({
      timeZone: clinics.timeZone,
      address: clinics.contactAddress,
      horizonDays: clinics.bookingHorizonDays,
      slotMinutes: clinics.slotMinutes,
      cancellationWindowHours: clinics.cancellationWindowHours,
    })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  if (!row) throw new Error('clinic missing');
  return { timeZone: row.timeZone, address: row.address, rules: { horizonDays: row.horizonDays, slotMinutes: row.slotMinutes, cancellationWindowHours: row.cancellationWindowHours } };
}

/**
 * Unscoped: a clinician's published weekly pattern and the exceptions from `fromDay` for `days` days.
 * Callers decide who may see it.
 */
export async function loadAvailability(clinicianId: string, fromDay: string, toDay: string) {
  const db = getDb();
  const [weekly, exceptions] = await Promise.all([
    db
      .select({ weekday: clinicianAvailability.weekday, startTime: clinicianAvailability.startTime, endTime: clinicianAvailability.endTime })
      .from(clinicianAvailability)
      .where(eq(clinicianAvailability.clinicianId, clinicianId)),
    db
      .select({ day: availabilityExceptions.day, kind: availabilityExceptions.kind, startTime: availabilityExceptions.startTime, endTime: availabilityExceptions.endTime })
      .from(availabilityExceptions)
      .where(and(eq(availabilityExceptions.clinicianId, clinicianId), sql`${availabilityExceptions.day} between ${fromDay} and ${toDay}`)),
  ]);
  return { weekly, exceptions };
}

/** Whether a booking form's submission already stored a visit for this patient (a repeated submit). */
export async function isSubmissionBookedBy(submissionId: string, patientId: string): Promise<boolean> {
  const [row] = await getDb()
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.submissionId, submissionId), eq(appointments.patientId, patientId)))
    .limit(1);
  return row !== undefined;
}

/** Unscoped: booked visits between two instants of these clinicians or of this patient (free-slot and day-view calculations). */
export async function loadBookedIntervals(
  of: { clinicianIds?: string[]; patientId?: string },
  from: Date,
  to: Date,
): Promise<{ start: Date; end: Date }[]> {
  const who = of.clinicianIds
    ? of.clinicianIds.length > 0
      ? inArray(appointments.clinicianId, of.clinicianIds)
      : undefined
    : of.patientId
      ? eq(appointments.patientId, of.patientId)
      : undefined;
  if (!who) return [];
  return getDb()
    .select({ start: appointments.startsAt, end: appointments.endsAt })
    .from(appointments)
    .where(and(who, eq(appointments.status, 'booked'), lte(appointments.startsAt, to), gt(appointments.endsAt, from)));
}
