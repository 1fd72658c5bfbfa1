import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pushSubscriptionSchema, pushUnsubscribeSchema } from './push';

const keys = () => ({ p256dh: Buffer.concat([Buffer.from([4]), randomBytes(64)]).toString('base64url'), auth: randomBytes(16).toString('base64url') });

describe('push subscription input', () => {
  it('accepts a browser’s subscription', () => {
    expect(pushSubscriptionSchema.safeParse({ endpoint: 'https://push.example/abc', expirationTime: null, keys: keys() }).success).toBe(true);
  });

  it('refuses an address with a control character, which URL parsing lets through and PostgreSQL cannot store', () => {
    for (const endpoint of ['https://push.example/a\u0000b', 'https://push.example/a\u001Fb', 'https://push.example/a\u007Fb']) {
      expect(URL.canParse(endpoint)).toBe(true);
      expect(pushSubscriptionSchema.safeParse({ endpoint, keys: keys() }).success).toBe(false);
      expect(pushUnsubscribeSchema.safeParse({ endpoint }).success).toBe(false);
    }
  });

  it('refuses a plain-http address and stray fields', () => {
    expect(pushSubscriptionSchema.safeParse({ endpoint: 'http://push.example/abc', keys: keys() }).success).toBe(false);
    expect(pushSubscriptionSchema.safeParse({ endpoint: 'https://push.example/abc', keys: keys(), userId: 'x' }).success).toBe(false);
    expect(pushUnsubscribeSchema.safeParse({ endpoint: 'https://push.example/abc' }).success).toBe(true);
  });
});
