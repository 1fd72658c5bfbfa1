import 'server-only';
import type { Db, Tx } from '@/db/client';
import { auditActor, type Viewer } from '@/lib/auth/viewer';
import { recordAudit, type AuditEvent } from '@/lib/audit/record';

/** A successful manager action, attributed to the viewer and their clinic. Pass the write's transaction. */
export async function auditManagerAction(
  executor: Db | Tx,
  viewer: Viewer,
  event: Pick<AuditEvent, 'action' | 'resourceType' | 'resourceId' | 'patientId' | 'detail'>,
): Promise<void> {
  await recordAudit(executor, {
    ...event,
    outcome: 'success',
    ...auditActor(viewer),
  });
}
