import 'server-only';
import { and, asc, eq, gte } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { availabilityExceptions, clinicianAvailability } from '@/db/schema';
import { freeSlots, minutesOfDay, type Interval } from '@/lib/appointments/rules';
import { auditActor, requireRole, type Viewer } from '@/lib/auth/viewer';
import { addDays, localDay, MS_PER_DAY } from '@/lib/time';
import { recordAudit } from '@/lib/audit/record';
import { insertAppointment } from './internal/appointment-insert';
import { isUuid } from '@/lib/validation/ids';
import { isSubmissionBookedBy, loadAvailability, loadBookedIntervals, loadClinicBooking, type ClinicBooking } from './internal/booking-facts';
import { getPatientContext } from './internal/patient-episode';

export type WeeklyWindowView = { id: string; weekday: number; startTime: string; endTime: string };
export type ExceptionView = { id: string; day: string; kind: 'unavailable' | 'extra'; startTime: string | null; endTime: string | null };
export type MyAvailability = { clinic: ClinicBooking; weekly: WeeklyWindowView[]; exceptions: ExceptionView[] };

/** "09:00:00" → "09:00". */
const clock = (value: string) => value.slice(0, 5);

function auditOf(viewer: Viewer, action: string, resourceId: string) {
  return {
    action,
    outcome: 'success' as const,
    ...auditActor(viewer),
    resourceType: 'availability',
    resourceId,
  };
}

/** Clinician: their own weekly pattern and their exceptions from today on (clinic zone). Others: AppError('forbidden'). */
export async function getMyAvailability(now = new Date()): Promise<MyAvailability> {
  const viewer = await requireRole('clinician');
  const clinic = await loadClinicBooking(viewer.clinicId);
  const today = localDay(now, clinic.timeZone);
  const db = getDb();
  const [weekly, exceptions] = await Promise.all([
    db
      .select({ id: clinicianAvailability.id, weekday: clinicianAvailability.weekday, startTime: clinicianAvailability.startTime, endTime: clinicianAvailability.endTime })
      .from(clinicianAvailability)
      .where(and(eq(clinicianAvailability.clinicianId, viewer.userId), eq(clinicianAvailability.clinicId, viewer.clinicId)))
      .orderBy(asc(clinicianAvailability.weekday), asc(clinicianAvailability.startTime)),
    db
      .select({ id: availabilityExceptions.id, day: availabilityExceptions.day, kind: availabilityExceptions.kind, startTime: availabilityExceptions.startTime, endTime: availabilityExceptions.endTime })
      .from(availabilityExceptions)
      .where(and(eq(availabilityExceptions.clinicianId, viewer.userId), eq(availabilityExceptions.clinicId, viewer.clinicId), gte(availabilityExceptions.day, today)))
      .orderBy(asc(availabilityExceptions.day), asc(availabilityExceptions.startTime)),
  ]);
  return {
    clinic,
    weekly: weekly.map((row) => ({ ...row, startTime: clock(row.startTime), endTime: clock(row.endTime) })),
    exceptions: exceptions.map((row) => ({ ...row, startTime: row.startTime && clock(row.startTime), endTime: row.endTime && clock(row.endTime) })),
  };
}

/**
 * Clinician: adds a weekly period to their own availability (wall-clock times in the clinic's zone).
 * A period overlapping one they already have that weekday: 'overlap', nothing stored. Others: AppError('forbidden').
 */
export async function addWeeklyWindow(input: { weekday: number; startTime: string; endTime: string }): Promise<'added' | 'overlap'> {
  const viewer = await requireRole('clinician');
  return getDb().transaction(async (tx) => {
    const existing = await tx
      .select({ startTime: clinicianAvailability.startTime, endTime: clinicianAvailability.endTime })
      .from(clinicianAvailability)
      .where(and(eq(clinicianAvailability.clinicianId, viewer.userId), eq(clinicianAvailability.weekday, input.weekday)))
      .for('update');
    const [start, end] = [minutesOfDay(input.startTime), minutesOfDay(input.endTime)];
    if (existing.some((window) => minutesOfDay(window.startTime) < end && start < minutesOfDay(window.endTime))) return 'overlap';
    const [row] = await tx
      .insert(clinicianAvailability)
      .values({ clinicId: viewer.clinicId, clinicianId: viewer.userId, weekday: input.weekday, startTime: input.startTime, endTime: input.endTime })
      .returning({ id: clinicianAvailability.id });
    await recordAudit(tx, auditOf(viewer, 'clinician.availability.add', row!.id));
    return 'added';
  });
}

/** Clinician: removes one of their own weekly periods (booked visits stay). Someone else's or unknown: 'not-found'. */
export async function removeWeeklyWindow(windowId: string): Promise<'removed' | 'not-found'> {
  const viewer = await requireRole('clinician');
  if (!isUuid(windowId)) return 'not-found';
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .delete(clinicianAvailability)
      .where(and(eq(clinicianAvailability.id, windowId), eq(clinicianAvailability.clinicianId, viewer.userId), eq(clinicianAvailability.clinicId, viewer.clinicId)))
      .returning({ id: clinicianAvailability.id });
    if (!row) return 'not-found';
    await recordAudit(tx, auditOf(viewer, 'clinician.availability.remove', row.id));
    return 'removed';
  });
}

/** Clinician: adds time off or extra hours on one day of their own. Others: AppError('forbidden'). */
export async function addAvailabilityException(input: { day: string; kind: 'unavailable' | 'extra'; startTime: string; endTime: string }): Promise<'added'> {
  const viewer = await requireRole('clinician');
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(availabilityExceptions)
      .values({ clinicId: viewer.clinicId, clinicianId: viewer.userId, day: input.day, kind: input.kind, startTime: input.startTime || null, endTime: input.endTime || null })
      .returning({ id: availabilityExceptions.id });
    await recordAudit(tx, auditOf(viewer, 'clinician.availability.exception.add', row!.id));
  });
  return 'added';
}

/** Clinician: removes one of their own exceptions. Someone else's or unknown: 'not-found'. */
export async function removeAvailabilityException(exceptionId: string): Promise<'removed' | 'not-found'> {
  const viewer = await requireRole('clinician');
  if (!isUuid(exceptionId)) return 'not-found';
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .delete(availabilityExceptions)
      .where(and(eq(availabilityExceptions.id, exceptionId), eq(availabilityExceptions.clinicianId, viewer.userId), eq(availabilityExceptions.clinicId, viewer.clinicId)))
      .returning({ id: availabilityExceptions.id });
    if (!row) return 'not-found';
    await recordAudit(tx, auditOf(viewer, 'clinician.availability.exception.remove', row.id));
    return 'removed';
  });
}

export type FollowUpOptions = {
  clinicianName: string;
  rules: ClinicBooking['rules'];
  clinicTimeZone: string;
  slots: Interval[];
};

type FollowUpFacts = { viewer: Viewer; episode: { id: string; clinicianId: string; clinicianName: string }; clinic: ClinicBooking; slots: Interval[] };

/** The free slots with the patient's clinician, under the clinic's rules; null without an active episode. */
async function loadFollowUpFacts(now: Date): Promise<FollowUpFacts | null> {
  const { viewer, episode } = await getPatientContext();
  if (!episode || episode.status !== 'active') return null;
  const clinic = await loadClinicBooking(viewer.clinicId);
  const firstDay = localDay(now, clinic.timeZone);
  const lastDay = addDays(firstDay, clinic.rules.horizonDays);
  const notAfter = new Date(now.getTime() + clinic.rules.horizonDays * MS_PER_DAY);
  const [availability, clinicianBooked, patientBooked] = await Promise.all([
    loadAvailability(episode.clinicianId, firstDay, lastDay),
    loadBookedIntervals({ clinicianIds: [episode.clinicianId] }, now, notAfter),
    loadBookedIntervals({ patientId: viewer.userId }, now, notAfter),
  ]);
  const slots = freeSlots({
    firstDay,
    days: clinic.rules.horizonDays + 1,
    slotMinutes: clinic.rules.slotMinutes,
    notBefore: now,
    notAfter,
    weekly: availability.weekly,
    exceptions: availability.exceptions,
    booked: [...clinicianBooked, ...patientBooked],
    timeZone: clinic.timeZone,
  });
  return { viewer, episode: { id: episode.id, clinicianId: episode.clinicianId, clinicianName: episode.clinicianName }, clinic, slots };
}

/**
 * Patient in active care: the free follow-up slots with their clinician, from now up to the clinic's booking
 * horizon (docs/APPOINTMENTS.md). No active episode: null. Others: AppError('forbidden').
 */
export async function listFollowUpSlots(now = new Date()): Promise<FollowUpOptions | null> {
  const facts = await loadFollowUpFacts(now);
  if (!facts) return null;
  return { clinicianName: facts.episode.clinicianName, rules: facts.clinic.rules, clinicTimeZone: facts.clinic.timeZone, slots: facts.slots };
}

export type FollowUpOutcome =
  | { status: 'booked'; appointmentId: string | null }
  | { status: 'no-care' }
  | { status: 'taken'; message: string; nextFree: Interval[] };

const TAKEN = 'Sorry, that time has just been taken. Here are the next free times.';

/**
 * Patient in active care: books one of the free slots with their clinician. The slot is checked again against
 * the same rules; a slot no longer free (someone booked it first, even at the same moment: the database's
 * exclusion constraint decides) comes back as 'taken' with the next free slots, nothing stored. The same
 * submission again stores nothing. No active episode: 'no-care'. Others: AppError('forbidden').
 */
export async function bookFollowUp(input: { submissionId: string; slot: string; kind: 'in-person' | 'phone' }, now = new Date()): Promise<FollowUpOutcome> {
  const facts = await loadFollowUpFacts(now);
  if (!facts) return { status: 'no-care' };
  const wanted = new Date(input.slot);
  const slot = facts.slots.find((candidate) => candidate.start.getTime() === wanted.getTime());
  const nextFree = () => facts.slots.filter((candidate) => candidate.start.getTime() !== wanted.getTime() && candidate.start >= wanted).slice(0, 3);
  if (!slot) {
    // A repeated submission of a booking that succeeded finds its own slot gone: that is not a refusal.
    if (await isSubmissionBookedBy(input.submissionId, facts.viewer.userId)) return { status: 'booked', appointmentId: null };
    return { status: 'taken', message: TAKEN, nextFree: nextFree() };
  }
  const outcome = await insertAppointment({
    clinicId: facts.viewer.clinicId,
    episodeId: facts.episode.id,
    patientId: facts.viewer.userId,
    clinicianId: facts.episode.clinicianId,
    bookedBy: facts.viewer.userId,
    kind: input.kind,
    startsAt: slot.start,
    endsAt: slot.end,
    location: input.kind === 'in-person' ? facts.clinic.address : null,
    videoUrl: null,
    submissionId: input.submissionId,
    audit: {
      action: 'patient.appointment.book',
      ...auditActor(facts.viewer),
      patientId: facts.viewer.userId,
    },
  });
  if (outcome.status === 'booked') return outcome;
  if (outcome.status === 'not-found') return { status: 'no-care' };
  return { status: 'taken', message: TAKEN, nextFree: nextFree() };
}
