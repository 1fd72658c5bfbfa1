import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { auditActor, getViewer } from './viewer';

/**
 * Ends the viewer's sessions on the server: the session version moves on, so a copy of the old
 * cookie is refused even before it expires (ASVS V7: logout invalidates the session).
 */
export async function endViewerSessions(): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) return;
  await getDb().transaction(async (tx) => {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, viewer.userId));
    await recordAudit(tx, {
      action: 'auth.sign-out',
      outcome: 'success',
      ...auditActor(viewer),
    });
  });
}
