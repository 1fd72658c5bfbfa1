/**
 * The signed link in every reminder email that turns that one kind of reminder email off with one
 * click (RFC 8058), without signing in. The token names the person and the kind and carries an
 * HMAC-SHA256 over both with a key derived from AUTH_SECRET, so it cannot be guessed or altered to
 * name someone else; it holds no health data. It does not expire: an unsubscribe link in an old email
 * must still work (RFC 8058 asks senders to honour it), and all it can do is switch an email off.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { derivedKey } from '@/lib/auth/secret-box';
import type { ReminderKind } from './preferences';

const VERSION = 'u1';
/** One letter per kind, so the link in an email says nothing about what the reminders are for. */
const KIND_CODE: Record<ReminderKind, string> = { exercise: 'x', questionnaire: 'q', nudge: 'n' };
const KIND_OF_CODE = new Map(Object.entries(KIND_CODE).map(([kind, code]) => [code, kind as ReminderKind]));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signature(userId: string, kind: ReminderKind): Buffer {
  return createHmac('sha256', derivedKey('reminder-unsubscribe-v1')).update(`${VERSION}.${userId}.${kind}`).digest();
}

export function unsubscribeToken(userId: string, kind: ReminderKind): string {
  return `${VERSION}.${userId}.${KIND_CODE[kind]}.${signature(userId, kind).toString('base64url')}`;
}

/** The person and kind a token names, or null when it is malformed or its signature does not match. */
export function readUnsubscribeToken(token: string): { userId: string; kind: ReminderKind } | null {
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [version, userId, code, sig] = parts as [string, string, string, string];
  const kind = KIND_OF_CODE.get(code);
  if (version !== VERSION || !UUID.test(userId) || !kind || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return null;
  const expected = signature(userId, kind);
  const given = Buffer.from(sig, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? { userId, kind } : null;
}

/** The https link (from AUTH_URL) for the List-Unsubscribe header and the email's footer. */
export function unsubscribeUrl(siteUrl: string, userId: string, kind: ReminderKind): string {
  return new URL(`/unsubscribe/${unsubscribeToken(userId, kind)}`, siteUrl).toString();
}

/** The two headers RFC 8058 asks for: the link, and the statement that a POST to it unsubscribes in one click. */
export function listUnsubscribeHeaders(siteUrl: string, userId: string, kind: ReminderKind): Record<'List-Unsubscribe' | 'List-Unsubscribe-Post', string> {
  return { 'List-Unsubscribe': `<${unsubscribeUrl(siteUrl, userId, kind)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
