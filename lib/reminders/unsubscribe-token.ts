/**
 * The signed link in every reminder email that turns that one kind of reminder email off with one
 * click (RFC 8058), without signing in. The token names the person and the kind and carries an
 * HMAC-SHA256 over both with a key derived from AUTH_SECRET, so it cannot be guessed or altered to
 * name someone else; it holds no health data. It does not expire: an unsubscribe link in an old email
 * must still work (RFC 8058 asks senders to honour it), and all it can do is switch an email off.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { derivedKey } from '@/lib/auth/secret-box';
import { REMINDER_KINDS, type ReminderKind } from './preferences';

const VERSION = 'u1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signature(userId: string, kind: ReminderKind): Buffer {
  return createHmac('sha256', derivedKey('reminder-unsubscribe-v1')).update(`${VERSION}.${userId}.${kind}`).digest();
}

export function unsubscribeToken(userId: string, kind: ReminderKind): string {
  return `${VERSION}.${userId}.${kind}.${signature(userId, kind).toString('base64url')}`;
}

/** The person and kind a token names, or null when it is malformed or its signature does not match. */
export function readUnsubscribeToken(token: string): { userId: string; kind: ReminderKind } | null {
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [version, userId, kind, sig] = parts as [string, string, string, string];
  if (version !== VERSION || !UUID.test(userId) || !REMINDER_KINDS.includes(kind as ReminderKind) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return null;
  const expected = signature(userId, kind as ReminderKind);
  const given = Buffer.from(sig, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? { userId, kind: kind as ReminderKind } : null;
}

/** The https link (from AUTH_URL) for the List-Unsubscribe header and the email's footer. */
export function unsubscribeUrl(siteUrl: string, userId: string, kind: ReminderKind): string {
  return new URL(`/unsubscribe/${unsubscribeToken(userId, kind)}`, siteUrl).toString();
}

/** The two headers RFC 8058 asks for: the link, and the statement that a POST to it unsubscribes in one click. */
export function listUnsubscribeHeaders(siteUrl: string, userId: string, kind: ReminderKind): Record<'List-Unsubscribe' | 'List-Unsubscribe-Post', string> {
  return { 'List-Unsubscribe': `<${unsubscribeUrl(siteUrl, userId, kind)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
