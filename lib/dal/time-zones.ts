import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { clinics, users } from '@/db/schema';
import { requireClinicManager, requireViewer } from '@/lib/auth/viewer';
import type { ClinicCountry } from '@/lib/content/emergency-services';
import { personTimeZone } from '@/lib/time';
import { recordViewerAction } from './internal/viewer-action';

export type ClinicLocation = { timeZone: string; country: ClinicCountry };

/** Any signed-in user: their clinic's time zone and country. No session: AppError('unauthenticated'). */
export async function getClinicLocation(): Promise<ClinicLocation> {
  const viewer = await requireViewer();
  const [row] = await getDb().select({ timeZone: clinics.timeZone, country: clinics.country }).from(clinics).where(eq(clinics.id, viewer.clinicId));
  // The database allows only known codes (clinics_country_known).
  return { timeZone: row!.timeZone, country: row!.country as ClinicCountry };
}

/**
 * Manager: sets their clinic's time zone and country (both already checked by clinicLocationSchema),
 * recorded in the audit trail. Everyone without a zone of their own follows the new zone from their next
 * page; days already stored with entries stay as they were logged. Others: AppError('forbidden').
 */
export async function updateClinicLocation(input: ClinicLocation): Promise<void> {
  const viewer = await requireClinicManager();
  await getDb().transaction(async (tx) => {
    const [before] = await tx.select({ timeZone: clinics.timeZone, country: clinics.country }).from(clinics).where(eq(clinics.id, viewer.clinicId)).for('update');
    await tx.update(clinics).set({ timeZone: input.timeZone, country: input.country }).where(eq(clinics.id, viewer.clinicId));
    await recordViewerAction(tx, viewer, {
      action: 'manager.clinic.location-update',
      resourceType: 'clinic',
      resourceId: viewer.clinicId,
      detail: { from: before, to: input },
    });
  });
}

export type MyTimeZone = {
  /** The zone the person chose, or null when they follow the clinic's. */
  own: string | null;
  clinic: string;
  /** The zone their days are counted in (personTimeZone). */
  effective: string;
};

/** Any signed-in user: their own zone setting beside their clinic's. No session: AppError('unauthenticated'). */
export async function getMyTimeZone(): Promise<MyTimeZone> {
  const viewer = await requireViewer();
  const [row] = await getDb()
    .select({ own: users.timeZone, clinic: clinics.timeZone })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(eq(users.id, viewer.userId));
  return { own: row!.own, clinic: row!.clinic, effective: personTimeZone(row!.own, row!.clinic) };
}

/**
 * Any signed-in user: chooses their own zone (checked by ownTimeZoneSchema), or null to follow their
 * clinic's, recorded in the audit trail. No session: AppError('unauthenticated').
 */
export async function setMyTimeZone(timeZone: string | null): Promise<void> {
  const viewer = await requireViewer();
  await getDb().transaction(async (tx) => {
    await tx.update(users).set({ timeZone, updatedAt: new Date() }).where(eq(users.id, viewer.userId));
    await recordViewerAction(tx, viewer, {
      action: 'account.time-zone-update',
      resourceType: 'user',
      resourceId: viewer.userId,
      detail: { timeZone: timeZone ?? 'clinic' },
    });
  });
}
