import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { clinics } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { recordViewerAction } from './viewer-action';

/**
 * A manager's change to their own clinic's settings, with its audit row, in one transaction. The caller
 * has checked the manager (requireClinicManager) and the values; `detail` is what the trail keeps of them.
 */
export async function updateOwnClinic(
  viewer: Viewer,
  action: string,
  values: Partial<typeof clinics.$inferInsert>,
  detail: Record<string, unknown>,
): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx.update(clinics).set(values).where(eq(clinics.id, viewer.clinicId));
    await recordViewerAction(tx, viewer, { action, resourceType: 'clinic', resourceId: viewer.clinicId, detail });
  });
}
