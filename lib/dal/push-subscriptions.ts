import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { pushSubscriptions } from '@/db/schema';
import { auditActor, requireViewer } from '@/lib/auth/viewer';
import { vapidDetails } from '@/lib/push/vapid';
import type { PushSubscriptionInput } from '@/lib/validation/push';
import { recordAudit } from '@/lib/audit/record';
import { recordViewerAction } from './internal/viewer-action';

/** Any signed-in user: the server's public VAPID key, which the browser subscribes with. No session: AppError('unauthenticated'). */
export async function getPushPublicKey(): Promise<string> {
  await requireViewer();
  return (await vapidDetails(getDb())).publicKey;
}

/** Any signed-in user: how many live push subscriptions (devices) they have. No session: AppError('unauthenticated'). */
export async function countMyPushDevices(): Promise<number> {
  const viewer = await requireViewer();
  const [row] = await getDb()
    .select({ count: sql<number>`count(*)::int` })
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, viewer.userId), isNull(pushSubscriptions.retiredAt)));
  return row?.count ?? 0;
}

/**
 * Any signed-in user: keeps this device's push subscription (already checked by pushSubscriptionSchema)
 * for them. A device that subscribed before, even for someone else who used it, now belongs to this
 * person only, and a retired subscription is live again. Audited. No session: AppError('unauthenticated').
 */
export async function subscribeMyDevice(subscription: PushSubscriptionInput): Promise<void> {
  const viewer = await requireViewer();
  await getDb().transaction(async (tx) => {
    await tx
      .insert(pushSubscriptions)
      .values({ userId: viewer.userId, endpoint: subscription.endpoint, p256dh: subscription.keys.p256dh, auth: subscription.keys.auth })
      .onConflictDoUpdate({
        target: pushSubscriptions.endpoint,
        set: { userId: viewer.userId, p256dh: subscription.keys.p256dh, auth: subscription.keys.auth, failures: 0, retiredAt: null },
      });
    await recordViewerAction(tx, viewer, { action: 'account.push-subscribe', resourceType: 'user', resourceId: viewer.userId });
  });
}

/** Any signed-in user: stops push to one of their own devices (by its endpoint); another person's endpoint changes nothing. Audited. */
export async function unsubscribeMyDevice(endpoint: string): Promise<boolean> {
  const viewer = await requireViewer();
  return getDb().transaction(async (tx) => {
    const retired = await tx
      .update(pushSubscriptions)
      .set({ retiredAt: new Date() })
      .where(and(eq(pushSubscriptions.endpoint, endpoint), eq(pushSubscriptions.userId, viewer.userId), isNull(pushSubscriptions.retiredAt)))
      .returning({ id: pushSubscriptions.id });
    await recordAudit(tx, {
      action: 'account.push-unsubscribe',
      outcome: retired.length > 0 ? 'success' : 'failure',
      ...auditActor(viewer),
      resourceType: 'user',
      resourceId: viewer.userId,
    });
    return retired.length > 0;
  });
}
