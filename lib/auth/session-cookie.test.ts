import { describe, expect, it } from 'vitest';
import { SESSION_IDLE_SECONDS } from './roles';
import { checkSessionCookie, SESSION_REFRESH_AFTER_SECONDS } from './session-cookie';
import { decodeSessionToken, encodeSessionToken } from './session-token';

const secret = ['a-test-secret-of-forty-three-characters-xyz'];
const name = 'authjs.session-token';
const claims = { sub: '6f1c2b9e-8a55-4a4e-9c1b-6b1f0d3e2a11', sv: 2, sia: 1_700_000_000_000 };

describe('checkSessionCookie', () => {
  it('reports no session without a cookie', async () => {
    expect(await checkSessionCookie({ token: undefined, name, secure: false, secret })).toEqual({ state: 'none' });
  });

  it('leaves a cookie issued in the last minute alone', async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt: name, maxAge: SESSION_IDLE_SECONDS });
    expect(await checkSessionCookie({ token, name, secure: false, secret })).toEqual({ state: 'valid', refresh: null });
  });

  it('re-issues an older cookie with the same claims and a fresh 30-minute expiry', async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt: name, maxAge: SESSION_IDLE_SECONDS });
    const now = Date.now() + (SESSION_REFRESH_AFTER_SECONDS + 5) * 1000;
    const check = await checkSessionCookie({ token, name, secure: true, secret, now });
    if (check.state !== 'valid' || !check.refresh) throw new Error('expected a refreshed cookie');
    expect(check.refresh).toMatchObject({ name, httpOnly: true, sameSite: 'lax', path: '/', secure: true });
    expect(check.refresh.expires.getTime()).toBe(now + SESSION_IDLE_SECONDS * 1000);
    const payload = await decodeSessionToken({ token: check.refresh.value, secret, salt: name });
    expect(payload).toMatchObject(claims);
    expect(payload!.exp! - Math.floor(Date.now() / 1000)).toBeGreaterThan(SESSION_IDLE_SECONDS - 5);
  });

  it('clears a cookie it cannot read: tampered, expired, or under another name', async () => {
    const expired = await encodeSessionToken({ token: claims, secret, salt: name, maxAge: -60 });
    const otherName = await encodeSessionToken({ token: claims, secret, salt: '__Secure-authjs.session-token' });
    for (const token of [expired, otherName, 'not-a-token']) {
      const check = await checkSessionCookie({ token, name, secure: false, secret });
      expect(check).toMatchObject({ state: 'invalid', clear: { name, value: '' } });
      if (check.state === 'invalid') expect(check.clear.expires.getTime()).toBe(0);
    }
  });
});
