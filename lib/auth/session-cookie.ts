/**
 * The rolling session cookie, as proxy.ts keeps it: the 30-minute idle timeout (ASVS V7) counts from
 * the last request, so a valid cookie older than a minute is re-issued with a fresh expiry, exactly as
 * Auth.js's session endpoint would re-issue it (same format, name and attributes). A cookie that cannot
 * be read (tampered, another secret, expired) is cleared. Nothing here grants access: the data access
 * layer re-checks the session against the database on every request (lib/auth/viewer.ts).
 */
import { SESSION_IDLE_SECONDS } from './roles';
import { decodeSessionToken, encodeSessionToken } from './session-token';

/** Re-issue at most once a minute (Auth.js's updateAge). */
export const SESSION_REFRESH_AFTER_SECONDS = 60;

export type CookieToSet = { name: string; value: string; httpOnly: true; sameSite: 'lax'; path: '/'; secure: boolean; expires: Date };

export type SessionCookieCheck =
  | { state: 'none' }
  | { state: 'invalid'; clear: CookieToSet }
  | { state: 'valid'; refresh: CookieToSet | null };

/**
 * `token` is the cookie's value (joined if chunked), `name` the cookie name (salt), `secure` whether the
 * site is served over HTTPS. `now` in milliseconds.
 */
export async function checkSessionCookie(options: {
  token: string | undefined;
  name: string;
  secure: boolean;
  secret: string[];
  now?: number;
}): Promise<SessionCookieCheck> {
  const { token, name, secure, secret, now = Date.now() } = options;
  if (!token) return { state: 'none' };
  const attributes = { name, httpOnly: true as const, sameSite: 'lax' as const, path: '/' as const, secure };
  let payload;
  try {
    payload = await decodeSessionToken({ token, secret, salt: name });
  } catch {
    payload = null;
  }
  if (!payload) return { state: 'invalid', clear: { ...attributes, value: '', expires: new Date(0) } };
  const issuedAt = typeof payload.iat === 'number' ? payload.iat * 1000 : 0;
  if (now - issuedAt < SESSION_REFRESH_AFTER_SECONDS * 1000) return { state: 'valid', refresh: null };
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = payload;
  const value = await encodeSessionToken({ token: claims, secret, salt: name, maxAge: SESSION_IDLE_SECONDS });
  return { state: 'valid', refresh: { ...attributes, value, expires: new Date(now + SESSION_IDLE_SECONDS * 1000) } };
}
