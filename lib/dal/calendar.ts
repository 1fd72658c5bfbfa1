import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, asc, eq, gte, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { appointments, calendarFeedTokens, clinics, users } from '@/db/schema';
import { visitsCalendar, type CalendarVisit } from '@/lib/appointments/ics';
import { requireRole } from '@/lib/auth/viewer';
import { MS_PER_DAY, personTimeZone } from '@/lib/time';
import { recordAudit } from '@/lib/audit/record';
import { isUuid } from '@/lib/validation/ids';
import { recordOwnRead } from './internal/patient-episode';
import { hashToken } from './internal/tokens';
import { selectVisits } from './internal/visit-columns';
import { recordViewerAction } from './internal/viewer-action';

/** How far back a subscribed calendar still lists visits. */
const FEED_HISTORY_DAYS = 90;

/** Patient: one of their own booked visits as a calendar file, in their zone. Someone else's, cancelled or unknown: null. Others: AppError('forbidden'). */
export async function getMyVisitCalendar(appointmentId: string): Promise<{ filename: string; body: string } | null> {
  const viewer = await requireRole('patient');
  if (!isUuid(appointmentId)) return null;
  const [visit] = await selectVisits(getDb(), { clinicName: clinics.name })
    .innerJoin(clinics, eq(clinics.id, appointments.clinicId))
    .where(and(eq(appointments.id, appointmentId), eq(appointments.patientId, viewer.userId), eq(appointments.clinicId, viewer.clinicId), eq(appointments.status, 'booked')));
  if (!visit) return null;
  await recordOwnRead(viewer, 'patient.appointment.calendar', { type: 'appointment', id: visit.id });
  return { filename: `visit-${visit.startsAt.toISOString().slice(0, 10)}.ics`, body: visitsCalendar([visit], viewer.timeZone, 'Uplift visit') };
}

/** Patient: whether they have a live calendar feed, and since when. Others: AppError('forbidden'). */
export async function getMyCalendarFeed(): Promise<{ since: Date } | null> {
  const viewer = await requireRole('patient');
  const [row] = await getDb()
    .select({ since: calendarFeedTokens.createdAt })
    .from(calendarFeedTokens)
    .where(and(eq(calendarFeedTokens.userId, viewer.userId), isNull(calendarFeedTokens.revokedAt)));
  return row ?? null;
}

/**
 * Patient: a new private feed address, replacing (revoking) any earlier one. The secret is returned once and
 * only its hash is kept. Others: AppError('forbidden').
 */
export async function createMyCalendarFeed(now = new Date()): Promise<{ secret: string }> {
  const viewer = await requireRole('patient');
  const secret = randomBytes(32).toString('base64url');
  await getDb().transaction(async (tx) => {
    await tx.update(calendarFeedTokens).set({ revokedAt: now }).where(and(eq(calendarFeedTokens.userId, viewer.userId), isNull(calendarFeedTokens.revokedAt)));
    const [row] = await tx.insert(calendarFeedTokens).values({ userId: viewer.userId, tokenHash: hashToken(secret) }).returning({ id: calendarFeedTokens.id });
    await recordViewerAction(tx, viewer, {
      action: 'patient.calendar-feed.create',
      patientId: viewer.userId,
      resourceType: 'calendar-feed',
      resourceId: row!.id,
    });
  });
  return { secret };
}

/** Patient: turns off their feed; its address answers 404 from now on. Nothing to revoke: false. Others: AppError('forbidden'). */
export async function revokeMyCalendarFeed(now = new Date()): Promise<boolean> {
  const viewer = await requireRole('patient');
  return getDb().transaction(async (tx) => {
    const revoked = await tx
      .update(calendarFeedTokens)
      .set({ revokedAt: now })
      .where(and(eq(calendarFeedTokens.userId, viewer.userId), isNull(calendarFeedTokens.revokedAt)))
      .returning({ id: calendarFeedTokens.id });
    if (revoked.length === 0) return false;
    await recordViewerAction(tx, viewer, {
      action: 'patient.calendar-feed.revoke',
      patientId: viewer.userId,
      resourceType: 'calendar-feed',
      resourceId: revoked[0]!.id,
    });
    return true;
  });
}

/**
 * Anyone holding a live feed secret: that patient's visits from the last 90 days on (cancelled ones marked
 * so calendars drop them), in the patient's zone, with an audit row. The secret is the only credential,
 * checked by its hash; a revoked, unknown or malformed secret, or an account no longer active: null (404),
 * with a refusal audited and nothing said about whose it was.
 */
export async function calendarFeedFor(secret: string, clientAddress: string | null, now = new Date()): Promise<string | null> {
  const db = getDb();
  const valid = /^[A-Za-z0-9_-]{43}$/.test(secret);
  const [owner] = valid
    ? await db
        .select({ userId: users.id, clinicId: users.clinicId, ownZone: users.timeZone, clinicZone: clinics.timeZone, tokenId: calendarFeedTokens.id })
        .from(calendarFeedTokens)
        .innerJoin(users, eq(users.id, calendarFeedTokens.userId))
        .innerJoin(clinics, eq(clinics.id, users.clinicId))
        .where(and(eq(calendarFeedTokens.tokenHash, hashToken(secret)), isNull(calendarFeedTokens.revokedAt), eq(users.active, true), eq(users.role, 'patient')))
    : [];
  if (!owner) {
    await recordAudit(db, { action: 'calendar-feed.read', outcome: 'denied', clientAddress, detail: { reason: 'unknown-or-revoked' } });
    return null;
  }
  const visits: CalendarVisit[] = await selectVisits(db, { clinicName: clinics.name })
    .innerJoin(clinics, eq(clinics.id, appointments.clinicId))
    .where(and(eq(appointments.patientId, owner.userId), eq(appointments.clinicId, owner.clinicId), gte(appointments.endsAt, new Date(now.getTime() - FEED_HISTORY_DAYS * MS_PER_DAY))))
    .orderBy(asc(appointments.startsAt));
  await recordAudit(db, {
    action: 'calendar-feed.read',
    outcome: 'success',
    actorId: owner.userId,
    actorRole: 'patient',
    clinicId: owner.clinicId,
    patientId: owner.userId,
    resourceType: 'calendar-feed',
    resourceId: owner.tokenId,
    clientAddress,
  });
  return visitsCalendar(visits, personTimeZone(owner.ownZone, owner.clinicZone), 'Uplift visits');
}
