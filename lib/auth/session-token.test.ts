import { decode as authDecode, encode as authEncode } from '@auth/core/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authSecrets, decodeSessionToken, encodeSessionToken, sessionCookieName, sessionCookieValue } from './session-token';

const secret = 'a-test-secret-of-forty-three-characters-xyz';
const salt = 'authjs.session-token';
const claims = { sub: '6f1c2b9e-8a55-4a4e-9c1b-6b1f0d3e2a11', sv: 3, sia: 1_700_000_000_000, role: 'patient' };

describe('session token codec', () => {
  it('reads cookies Auth.js wrote, and Auth.js reads ours', async () => {
    const theirs = await authEncode({ token: claims, secret, salt });
    expect(await decodeSessionToken({ token: theirs, secret, salt })).toMatchObject(claims);
    const ours = await encodeSessionToken({ token: claims, secret, salt, maxAge: 60 });
    expect(await authDecode({ token: ours, secret, salt })).toMatchObject(claims);
  });

  it('refuses another secret, another cookie name (salt), a tampered token and an expired one', async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt });
    await expect(decodeSessionToken({ token, secret: 'another-secret-entirely-0123456789abcdef', salt })).rejects.toThrow();
    await expect(decodeSessionToken({ token, secret, salt: '__Secure-authjs.session-token' })).rejects.toThrow();
    const parts = token.split('.');
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith('AA') ? 'BB' : 'AA');
    await expect(decodeSessionToken({ token: parts.join('.'), secret, salt })).rejects.toThrow();
    const expired = await encodeSessionToken({ token: claims, secret, salt, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret, salt })).rejects.toThrow();
    expect(await decodeSessionToken({ token: undefined, secret, salt })).toBeNull();
  });

  it('accepts a cookie made with an older secret during rotation, and encrypts with the newest', async () => {
    const old = await encodeSessionToken({ token: claims, secret: 'the-old-secret-0123456789abcdef0123456789', salt });
    const secrets = authSecrets({ AUTH_SECRET: 'the-old-secret-0123456789abcdef0123456789', AUTH_SECRET_1: secret });
    expect(secrets[0]).toBe(secret);
    expect(await decodeSessionToken({ token: old, secret: secrets, salt })).toMatchObject(claims);
    const fresh = await encodeSessionToken({ token: claims, secret: secrets, salt });
    expect(await decodeSessionToken({ token: fresh, secret, salt })).toMatchObject(claims);
  });
});

describe('decoded-token cache', () => {
  afterEach(() => vi.useRealTimers());

  it('still refuses a remembered token once it has expired, or under another secret or name', async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject(claims);
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject(claims);
    await expect(decodeSessionToken({ token, secret: 'another-secret-entirely-0123456789abcdef', salt })).rejects.toThrow();
    await expect(decodeSessionToken({ token, secret, salt: '__Secure-authjs.session-token' })).rejects.toThrow();
    vi.useFakeTimers({ now: Date.now() + 2 * 60 * 60 * 1000 });
    await expect(decodeSessionToken({ token, secret, salt })).rejects.toThrow();
  });

  it('hands out copies, so a caller cannot change what the next request sees', async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt, maxAge: 60 });
    const first = await decodeSessionToken({ token, secret, salt });
    first!.sub = 'someone-else';
    expect((await decodeSessionToken({ token, secret, salt }))!.sub).toBe(claims.sub);
  });
});

describe('session cookie name and value', () => {
  it('uses the __Secure- name over HTTPS, as Auth.js does', () => {
    expect(sessionCookieName('http', {})).toBe('authjs.session-token');
    expect(sessionCookieName('https', {})).toBe('__Secure-authjs.session-token');
    expect(sessionCookieName(null, {})).toBe('__Secure-authjs.session-token');
    expect(sessionCookieName('http', { AUTH_URL: 'https://clinic.example' })).toBe('__Secure-authjs.session-token');
    expect(sessionCookieName('https', { AUTH_URL: 'http://localhost:3000' })).toBe('authjs.session-token');
  });

  it('joins a chunked cookie in order and prefers the whole one', () => {
    const jar = (entries: [string, string][]) => ({
      get: (name: string) => entries.find(([key]) => key === name) && { value: entries.find(([key]) => key === name)![1] },
      getAll: () => entries.map(([name, value]) => ({ name, value })),
    });
    expect(sessionCookieValue(salt, jar([[`${salt}.1`, 'B'], [`${salt}.0`, 'A'], [`${salt}.10`, 'C'], ['other', 'x']]))).toBe('ABC');
    expect(sessionCookieValue(salt, jar([[salt, 'whole'], [`${salt}.0`, 'A']]))).toBe('whole');
    expect(sessionCookieValue(salt, jar([['other', 'x']]))).toBeUndefined();
  });
});
