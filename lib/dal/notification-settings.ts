import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { auditActor, requireRole } from '@/lib/auth/viewer';
import { recordAudit } from '@/lib/audit/record';

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
    await recordAudit(tx, {
      action: 'account.morning-digest-update',
      outcome: 'success',
      ...auditActor(viewer),
      resourceType: 'user',
      resourceId: viewer.userId,
      detail: { morningDigest: on },
    });
  });
}
