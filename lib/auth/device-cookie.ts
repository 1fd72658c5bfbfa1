/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): after a
 * successful sign-in, or after setting a password with a link, the browser gets a cookie signed by
 * the server that names the account and a random nonce. An attempt that carries a valid device
 * cookie for the account being signed in to is throttled on that device's own key instead of the
 * account's and the address's keys, so a stranger guessing the password (or flooding reset
 * requests) cannot hold back a browser the person has used before. The cookie grants nothing by
 * itself: the password and second factor are still checked.
 *
 * One cookie per account, so people sharing a clinic computer each keep theirs; the cookie name is
 * a keyed hash of the user id, the value `<user id>.<nonce>.<HMAC-SHA256>`.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { derivedKey } from './secret-box';

export const DEVICE_COOKIE_PREFIX = 'uplift-device-';
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 3600;

function sign(payload: string): string {
  return createHmac('sha256', derivedKey('device-cookie-v1')).update(payload).digest('base64url');
}

export function deviceCookieName(userId: string): string {
  return `${DEVICE_COOKIE_PREFIX}${createHmac('sha256', derivedKey('device-cookie-name-v1')).update(userId).digest('hex').slice(0, 16)}`;
}

/** A fresh cookie value for `userId` (a new nonce each time). */
export function issueDeviceCookie(userId: string): { name: string; value: string; nonce: string } {
  const nonce = randomBytes(16).toString('base64url');
  const payload = `${userId}.${nonce}`;
  return { name: deviceCookieName(userId), value: `${payload}.${sign(payload)}`, nonce };
}

/** The nonce of a genuine device cookie of `userId` among `values`, or null. */
export function deviceNonceFor(userId: string, values: readonly string[]): string | null {
  for (const value of values) {
    const parts = value.split('.');
    if (parts.length !== 3 || parts[0] !== userId) continue;
    const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]!);
    if (expected.length === given.length && timingSafeEqual(expected, given)) return parts[1]!;
  }
  return null;
}

/** The values of every device cookie in a Cookie header (or a cookie store's entries). */
export function deviceCookieValues(cookies: Iterable<{ name: string; value: string }>): string[] {
  const values: string[] = [];
  for (const cookie of cookies) if (cookie.name.startsWith(DEVICE_COOKIE_PREFIX)) values.push(cookie.value);
  return values.slice(0, 20);
}

/** Parses a raw Cookie header into name/value pairs. */
export function parseCookieHeader(header: string | null | undefined): { name: string; value: string }[] {
  if (!header) return [];
  return header.split(';').flatMap((part) => {
    const index = part.indexOf('=');
    if (index < 0) return [];
    const name = part.slice(0, index).trim();
    let value = part.slice(index + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      // keep the raw value
    }
    return [{ name, value }];
  });
}

export function deviceCookieAttributes(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', secure, maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS };
}
