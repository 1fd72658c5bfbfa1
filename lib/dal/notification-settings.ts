import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { requireRole } from '@/lib/auth/viewer';
import { recordViewerAction } from './internal/viewer-action';

/** Clinician: whether they asked for the morning summary (lib/notifications/staff.ts). Others: AppError('forbidden'). */
export async function getMyMorningDigest(): Promise<boolean> {
  const viewer = await requireRole('clinician');
  const [row] = await getDb().select({ on: users.morningDigest }).from(users).where(eq(users.id, viewer.userId));
  return row?.on ?? false;
}

/** Clinician: switches their own morning summary on or off, recorded in the audit trail. Others: AppError('forbidden'). */
export async function setMyMorningDigest(on: boolean, now = new Date()): Promise<void> {
  const viewer = await requireRole('clinician');
  await getDb().transaction(async (tx) => {
    await tx.update(users).set({ morningDigest: on, updatedAt: now }).where(eq(users.id, viewer.userId));
    await recordViewerAction(tx, viewer, {
      action: 'account.morning-digest-update',
      resourceType: 'user',
      resourceId: viewer.userId,
      detail: { morningDigest: on },
    });
  });
}
