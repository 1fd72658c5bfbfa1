import { z } from 'zod';

/**
 * A browser's PushSubscription as `subscription.toJSON()` gives it. The endpoint must be an https URL
 * (every push service is); the keys must be what RFC 8291 says they are: p256dh an uncompressed P-256
 * point (65 bytes, first byte 4) and auth 16 bytes, both base64url.
 */
const base64url = (bytes: number, message: string, check?: (buffer: Buffer) => boolean) =>
  z
    .string({ error: message })
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, message)
    .refine((value) => {
      const buffer = Buffer.from(value, 'base64url');
      return buffer.length === bytes && (!check || check(buffer));
    }, message);

/**
 * No control characters: WHATWG URL parsing accepts some (a NUL in the path), but PostgreSQL cannot store a
 * NUL and no push service issues an address with one, so such an address is refused here instead of failing later.
 */
const NO_CONTROL = /^[^\u0000-\u001F\u007F]*$/;

export const PUSH_SUBSCRIPTION_MESSAGE = 'This browser sent a push subscription Uplift cannot use. Try turning push on again.';

export const pushSubscriptionSchema = z
  .object({
    endpoint: z
      .string({ error: 'The push subscription has no address.' })
      .max(2000, 'The push subscription’s address is too long.')
      .regex(NO_CONTROL, 'The push subscription’s address is not valid.')
      .refine((value) => {
        try {
          return new URL(value).protocol === 'https:';
        } catch {
          return false;
        }
      }, 'The push subscription’s address must be an https address.'),
    expirationTime: z.number().nullable().optional(),
    keys: z
      .object({
        p256dh: base64url(65, 'The push subscription’s encryption key is not valid.', (buffer) => buffer[0] === 4),
        auth: base64url(16, 'The push subscription’s secret is not valid.'),
      })
      .strict(),
  })
  .strict();

export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;

export const pushUnsubscribeSchema = z.object({ endpoint: z.string().min(1).max(2000).regex(NO_CONTROL) }).strict();
