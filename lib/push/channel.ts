/**
 * Web Push as a notification delivery channel (lib/notifications/channels.ts): the delivery's title
 * and link go to every live subscription of the recipient (lib/push/send.ts), which retires its own
 * dead subscriptions. The outcome for the delivery:
 * - sent to at least one device: ok;
 * - no live device (none subscribed, or every one just answered 404/410): permanent, `push-no-device` or
 *   `push-gone`, so it is not retried;
 * - otherwise (the push service failed, timed out): temporary `push-error`, retried with backoff.
 */
import type { Db } from '@/db/connection';
import type { DeliveryChannel } from '@/lib/notifications/channels';
import { sendPushToUser } from './send';

export function pushChannel(db: Db, options: { timeoutMs?: number } = {}): DeliveryChannel {
  return {
    // The keys are generated on first use, so push needs no configuration.
    configured: () => true,
    // Several subscriptions per person: each is retired on its own (push_subscriptions.retired_at).
    address: () => null,
    send: async (delivery, recipient) => {
      const outcome = await sendPushToUser(db, recipient.userId, { title: delivery.title, href: delivery.href }, options);
      if (outcome.sent > 0) return { ok: true };
      if (outcome.failed > 0) return { ok: false, permanent: false, code: 'push-error' };
      return { ok: false, permanent: true, code: outcome.retired > 0 ? 'push-gone' : 'push-no-device' };
    },
  };
}
