import 'server-only';
import type { Db, Tx } from '@/db/client';
import { auditActor, type Viewer } from '@/lib/auth/viewer';
import { recordAudit, type AuditEvent } from '@/lib/audit/record';

/**
 * A successful read or change by the viewer, as one audit row naming them, their role, clinic and
 * address. Pass the write's transaction, so the row commits with the change or not at all.
 */
export async function recordViewerAction(
  executor: Db | Tx,
  viewer: Viewer,
  event: Pick<AuditEvent, 'action' | 'resourceType' | 'resourceId' | 'patientId' | 'detail'>,
): Promise<void> {
  await recordAudit(executor, { ...event, outcome: 'success', ...auditActor(viewer) });
}
