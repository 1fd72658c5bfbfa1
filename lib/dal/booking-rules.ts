import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { clinics } from '@/db/schema';
import type { BookingRules } from '@/lib/appointments/rules';
import { requireClinicManager } from '@/lib/auth/viewer';
import { recordViewerAction } from './internal/viewer-action';

const columns = { horizonDays: clinics.bookingHorizonDays, slotMinutes: clinics.slotMinutes, cancellationWindowHours: clinics.cancellationWindowHours };

/** Manager: their clinic's booking rules (docs/APPOINTMENTS.md). Others: AppError('forbidden'). */
export async function getBookingRules(): Promise<BookingRules> {
  const viewer = await requireClinicManager();
  const [row] = await getDb().select(columns).from(clinics).where(eq(clinics.id, viewer.clinicId));
  return row!;
}

/** Manager: changes their clinic's booking rules, audited with before and after. Others: AppError('forbidden'). */
export async function updateBookingRules(input: BookingRules): Promise<void> {
  const viewer = await requireClinicManager();
  await getDb().transaction(async (tx) => {
    const [before] = await tx.select(columns).from(clinics).where(eq(clinics.id, viewer.clinicId)).for('update');
    await tx
      .update(clinics)
      .set({ bookingHorizonDays: input.horizonDays, slotMinutes: input.slotMinutes, cancellationWindowHours: input.cancellationWindowHours })
      .where(eq(clinics.id, viewer.clinicId));
    await recordViewerAction(tx, viewer, { action: 'manager.clinic.booking-rules-update', resourceType: 'clinic', resourceId: viewer.clinicId, detail: { from: before, to: input } });
  });
}
