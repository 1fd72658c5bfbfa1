import 'server-only';
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { appointments } from '@/db/schema';
import { availableIntervals, canPatientCancel, cancellationDeadline, isWithin } from '@/lib/appointments/rules';
import type { Visit } from '@/lib/appointments/visit';
import { requireRole } from '@/lib/auth/viewer';
import { formatVisitTime, zonedTimeToUtc } from '@/lib/time';
import type { VisitBookingInput } from '@/lib/validation/appointments';
import { recordAudit } from '@/lib/audit/record';
import { auditBase, getOwnEpisode, loadEpisodeHeading, type EpisodeHeading } from './internal/clinician-access';
import { isUuid } from '@/lib/validation/ids';
import { insertAppointment, type BookingOutcome } from './internal/appointment-insert';
import { loadAvailability, loadClinicBooking, type ClinicBooking } from './internal/booking-facts';
import { sendPatientMessage } from './messages';
import { getPatientContext, recordOwnRead } from './internal/patient-episode';
import { selectVisits } from './internal/visit-columns';
import { recordViewerAction } from './internal/viewer-action';

export type EpisodeVisits = { heading: EpisodeHeading; clinic: ClinicBooking; appointments: Visit[] };

/** Clinician: the visits of an episode in their caseload (or one they cover), newest first, with one audit row. Others: null. */
export async function getEpisodeVisits(episodeId: string): Promise<EpisodeVisits | null> {
  const access = await getOwnEpisode(episodeId, 'clinician.appointments.read');
  if (!access) return null;
  const [rows, clinic, heading] = await Promise.all([
    selectVisits(getDb())
      .where(and(eq(appointments.episodeId, access.episode.id), eq(appointments.clinicId, access.viewer.clinicId)))
      .orderBy(desc(appointments.startsAt)),
    loadClinicBooking(access.viewer.clinicId),
    loadEpisodeHeading(access),
  ]);
  await recordAudit(getDb(), { ...auditBase(access), action: 'clinician.appointments.read', outcome: 'success', resourceType: 'episode', resourceId: access.episode.id });
  return { heading, clinic, appointments: rows };
}

export type { BookingField, BookingOutcome } from './internal/appointment-insert';

/**
 * Clinician: books a visit with the patient of an episode in their caseload (or one they cover), with
 * themself. The day and time are read in the clinic's zone and stored in UTC. Refused with a message, and
 * nothing stored: a discharged episode, a time already past, a time outside the clinician's published
 * availability (when they have published any: docs/APPOINTMENTS.md), or one overlapping another visit of
 * the clinician or the patient (the database's exclusion constraints decide, so two racing requests cannot
 * both win). The same submission again stores nothing. Others: 'not-found'.
 */
export async function bookVisit(episodeId: string, input: VisitBookingInput, now = new Date()): Promise<BookingOutcome> {
  const access = await getOwnEpisode(episodeId, 'clinician.appointment.create');
  if (!access) return { status: 'not-found' };
  if (access.episode.status !== 'active') return { status: 'refused', field: null, message: 'This episode is discharged: book visits in an active episode.' };
  const clinic = await loadClinicBooking(access.viewer.clinicId);
  const [hour, minute] = input.time.split(':').map(Number) as [number, number];
  const startsAt = zonedTimeToUtc(input.day, hour, minute, clinic.timeZone);
  const endsAt = new Date(startsAt.getTime() + input.minutes * 60_000);
  if (startsAt <= now) return { status: 'refused', field: 'time', message: 'That time has already passed. Choose a time in the future.' };
  const availability = await loadAvailability(access.viewer.userId, input.day, input.day);
  if (availability.weekly.length > 0 && !isWithin(availableIntervals(input.day, availability.weekly, availability.exceptions, clinic.timeZone), startsAt, endsAt)) {
    return { status: 'refused', field: 'time', message: 'That time is outside your published availability. Choose a time within your hours, or add extra hours for that day.' };
  }
  return insertAppointment({
    clinicId: access.viewer.clinicId,
    episodeId: access.episode.id,
    patientId: access.episode.patientId,
    clinicianId: access.viewer.userId,
    bookedBy: access.viewer.userId,
    kind: input.kind,
    startsAt,
    endsAt,
    location: input.kind === 'in-person' ? input.location : input.location || null,
    videoUrl: input.kind === 'video' ? input.videoUrl : null,
    submissionId: input.submissionId,
    audit: { ...auditBase(access), action: 'clinician.appointment.create' },
  });
}

export type PatientAppointment = Visit & { canCancel: boolean; cancelBy: Date };
export type PatientAppointments = {
  upcoming: PatientAppointment[];
  past: PatientAppointment[];
  cancellationWindowHours: number;
  clinicTimeZone: string;
};

/** Patient: their own visits, the coming ones soonest first and the past ones newest first, with one audit row. Others: AppError('forbidden'). */
export async function listMyAppointments(now = new Date()): Promise<PatientAppointments> {
  const { viewer } = await getPatientContext();
  const [rows, clinic] = await Promise.all([
    selectVisits(getDb())
      .where(and(eq(appointments.patientId, viewer.userId), eq(appointments.clinicId, viewer.clinicId)))
      .orderBy(asc(appointments.startsAt)),
    loadClinicBooking(viewer.clinicId),
  ]);
  const window = clinic.rules.cancellationWindowHours;
  const withCancel = rows.map((row) => ({
    ...row,
    canCancel: row.status === 'booked' && canPatientCancel(row.startsAt, window, now),
    cancelBy: cancellationDeadline(row.startsAt, window),
  }));
  await recordOwnRead(viewer, 'patient.appointments.read', { type: 'appointments', id: viewer.userId });
  return {
    upcoming: withCancel.filter((row) => row.endsAt > now),
    past: withCancel.filter((row) => row.endsAt <= now).reverse(),
    cancellationWindowHours: window,
    clinicTimeZone: clinic.timeZone,
  };
}

/** Patient: their next booked visit that has not ended, or null. Others: AppError('forbidden'). */
export async function getMyNextAppointment(now = new Date()): Promise<Visit | null> {
  const { viewer } = await getPatientContext();
  const [row] = await selectVisits(getDb())
    .where(and(eq(appointments.patientId, viewer.userId), eq(appointments.clinicId, viewer.clinicId), eq(appointments.status, 'booked'), gt(appointments.endsAt, now)))
    .orderBy(asc(appointments.startsAt))
    .limit(1);
  return row ?? null;
}

/**
 * Patient: cancels one of their own booked visits, up to the clinic's cancellation window before it starts.
 * Later than that: 'too-late' (they call the clinic, and the clinician records a late cancellation).
 * Someone else's visit or an unknown id: 'not-found'. Others: AppError('forbidden').
 */
export async function cancelMyAppointment(appointmentId: string, now = new Date()): Promise<'cancelled' | 'too-late' | 'not-found'> {
  const viewer = await requireRole('patient');
  if (!isUuid(appointmentId)) return 'not-found';
  const clinic = await loadClinicBooking(viewer.clinicId);
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ id: appointments.id, startsAt: appointments.startsAt, status: appointments.status })
      .from(appointments)
      .where(and(eq(appointments.id, appointmentId), eq(appointments.patientId, viewer.userId), eq(appointments.clinicId, viewer.clinicId)))
      .for('update');
    if (!row || row.status !== 'booked') return 'not-found';
    if (!canPatientCancel(row.startsAt, clinic.rules.cancellationWindowHours, now)) return 'too-late';
    await tx.update(appointments).set({ status: 'cancelled', cancelledAt: now, cancelledBy: viewer.userId }).where(eq(appointments.id, row.id));
    await recordViewerAction(tx, viewer, { action: 'patient.appointment.cancel', patientId: viewer.userId, resourceType: 'appointment', resourceId: row.id });
    return 'cancelled';
  });
}

export type MoveRequestOutcome = { status: 'sent' } | { status: 'not-found' } | { status: 'refused'; message: string };

/**
 * Patient: asks the care team to move one of their own coming visits, as a secure message in their thread
 * (lib/dal/messages.ts, kind 'visit-request'), which names the visit and adds their note. The visit stays
 * booked until the clinician changes it. Someone else's, past, cancelled or unknown visit: 'not-found'.
 * A message the thread refuses (read-only after discharge, too long): 'refused' with its words.
 * Others: AppError('forbidden').
 */
export async function requestVisitMove(appointmentId: string, input: { submissionId: string; note: string }, now = new Date()): Promise<MoveRequestOutcome> {
  const viewer = await requireRole('patient');
  if (!isUuid(appointmentId)) return { status: 'not-found' };
  const [visit] = await getDb()
    .select({ episodeId: appointments.episodeId, startsAt: appointments.startsAt, endsAt: appointments.endsAt })
    .from(appointments)
    .where(and(eq(appointments.id, appointmentId), eq(appointments.patientId, viewer.userId), eq(appointments.clinicId, viewer.clinicId), eq(appointments.status, 'booked'), gt(appointments.startsAt, now)));
  if (!visit) return { status: 'not-found' };
  const when = `${formatVisitTime(visit.startsAt, visit.endsAt, viewer.timeZone)} (${viewer.timeZone})`;
  const body = `Please could we move my visit on ${when}?${input.note ? `\n\n${input.note}` : ''}`;
  const sent = await sendPatientMessage(visit.episodeId, { submissionId: input.submissionId, body, kind: 'visit-request' });
  if ('message' in sent) return { status: 'refused', message: sent.message };
  return { status: 'sent' };
}
