/**
 * Sends one push message to every live subscription of a person. The payload is a generic title and a
 * link inside the portal, nothing else: what the reminder or alert is about stays behind sign-in
 * (docs/SECURITY.md, "Web Push"). It is encrypted to each browser's keys (aes128gcm, RFC 8291) and
 * signed with the server's VAPID key (RFC 8292); the push service sees neither.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import webpush, { WebPushError } from 'web-push';
import type { Db } from '@/db/connection';
import { pushSubscriptions } from '@/db/schema';
import { vapidDetails } from './vapid';

export type PushMessage = { title: string; href: string };

/** A subscription failing this many times in a row (not 404/410, which retire it at once) is retired. */
export const PUSH_FAILURES_BEFORE_RETIRING = 5;
/** How long the push service keeps a message for a device that is offline. */
const TIME_TO_LIVE_SECONDS = 24 * 60 * 60;

export type PushOutcome = { sent: number; retired: number; failed: number };

/** The JSON the service worker reads (public/sw.js): a title and a same-origin link, nothing more. */
export function pushPayload(message: PushMessage): string {
  if (!message.href.startsWith('/') || message.href.startsWith('//')) throw new Error('A push link must be a path inside the portal.');
  return JSON.stringify({ title: message.title, href: message.href });
}

export async function sendPushToUser(db: Db, userId: string, message: PushMessage, options: { timeoutMs?: number } = {}): Promise<PushOutcome> {
  const payload = pushPayload(message);
  const subscriptions = await db
    .select({ id: pushSubscriptions.id, endpoint: pushSubscriptions.endpoint, p256dh: pushSubscriptions.p256dh, auth: pushSubscriptions.auth })
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), isNull(pushSubscriptions.retiredAt)));
  const outcome: PushOutcome = { sent: 0, retired: 0, failed: 0 };
  if (subscriptions.length === 0) return outcome;
  const vapid = await vapidDetails(db);
  for (const subscription of subscriptions) {
    try {
      await webpush.sendNotification({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }, payload, {
        vapidDetails: vapid,
        TTL: TIME_TO_LIVE_SECONDS,
        contentEncoding: 'aes128gcm',
        urgency: 'normal',
        timeout: options.timeoutMs ?? 10_000,
      });
      await db.update(pushSubscriptions).set({ failures: 0, lastSuccessAt: new Date() }).where(eq(pushSubscriptions.id, subscription.id));
      outcome.sent += 1;
    } catch (error) {
      // 404 and 410: the browser unsubscribed or the subscription expired; it will never work again.
      const gone = error instanceof WebPushError && (error.statusCode === 404 || error.statusCode === 410);
      const [row] = await db
        .update(pushSubscriptions)
        .set({
          failures: sql`${pushSubscriptions.failures} + 1`,
          retiredAt: gone ? new Date() : sql`case when ${pushSubscriptions.failures} + 1 >= ${PUSH_FAILURES_BEFORE_RETIRING} then now() else null end`,
        })
        .where(eq(pushSubscriptions.id, subscription.id))
        .returning({ retiredAt: pushSubscriptions.retiredAt });
      if (row?.retiredAt) outcome.retired += 1;
      else outcome.failed += 1;
    }
  }
  return outcome;
}
