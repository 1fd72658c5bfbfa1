/**
 * The session cookie's encryption, in Auth.js's own format (JWE, `dir` + A256CBC-HS512, the key
 * derived from the secret by HKDF with the cookie name as salt, `kid` = the key's JWK thumbprint), so
 * cookies issued by either side read on the other. The only difference from @auth/core/jwt is that
 * the derived key and its thumbprint are computed once per secret and salt, not on every request:
 * they are the costly part of reading a cookie (docs/PERFORMANCE.md).
 *
 * Used by Auth.js (authConfig.jwt) and by lib/auth/viewer.ts, which reads the cookie directly
 * instead of running Auth.js's whole session action for every server render.
 */
import { hkdfSync, randomUUID } from 'node:crypto';
import { EncryptJWT, base64url, calculateJwkThumbprint, jwtDecrypt, type JWTPayload } from 'jose';

const ALG = 'dir';
const ENC = 'A256CBC-HS512';
const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;

type DerivedKey = { key: Uint8Array; kid: Promise<string> };
const derived = new Map<string, DerivedKey>();

function derive(enc: string, secret: string, salt: string): DerivedKey {
  const cacheKey = `${enc}\u0000${salt}\u0000${secret}`;
  let entry = derived.get(cacheKey);
  if (!entry) {
    const length = enc === 'A256CBC-HS512' ? 64 : enc === 'A256GCM' ? 32 : 0;
    if (!length) throw new Error('Unsupported JWT content encryption algorithm');
    const key = new Uint8Array(hkdfSync('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, length));
    entry = { key, kid: calculateJwkThumbprint({ kty: 'oct', k: base64url.encode(key) }, `sha${key.byteLength << 3}` as 'sha512') };
    derived.set(cacheKey, entry);
  }
  return entry;
}

function secretList(secret: string | string[]): string[] {
  return (Array.isArray(secret) ? secret : [secret]).filter(Boolean);
}

export type EncodeParams = { token?: JWTPayload; secret: string | string[]; salt: string; maxAge?: number };
export type DecodeParams = { token?: string; secret: string | string[]; salt: string };

/** As @auth/core/jwt `encode`: the first secret encrypts. */
export async function encodeSessionToken({ token = {}, secret, salt, maxAge = DEFAULT_MAX_AGE }: EncodeParams): Promise<string> {
  const [first] = secretList(secret);
  if (!first) throw new Error('No secret to encrypt the session with');
  const { key, kid } = derive(ENC, first, salt);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: ALG, enc: ENC, kid: await kid })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + maxAge)
    .setJti(randomUUID())
    .encrypt(key);
}

/**
 * Tokens already decrypted, by their exact text: a browser sends the same cookie on every request
 * until it is re-issued (at most once a minute), so most requests skip the decryption. Only tokens
 * that decrypted and verified are kept; expiry is checked again on every use. Bounded, in process.
 */
const decoded = new Map<string, { payload: JWTPayload; secrets: string }>();
const DECODED_LIMIT = 2_000;

function fromCache(token: string, secrets: string[]): JWTPayload | null {
  const hit = decoded.get(token);
  if (!hit || hit.secrets !== secrets.join('\u0000')) return null;
  if (typeof hit.payload.exp === 'number' && hit.payload.exp * 1000 + 15_000 < Date.now()) {
    decoded.delete(token);
    throw new Error('session token expired');
  }
  return hit.payload;
}

function remember(token: string, secrets: string[], payload: JWTPayload): void {
  if (decoded.size >= DECODED_LIMIT) decoded.delete(decoded.keys().next().value!);
  decoded.set(token, { payload, secrets: secrets.join('\u0000') });
}

/** As @auth/core/jwt `decode`: any of the secrets (rotation), expiry checked with 15 s tolerance. Throws when invalid. */
export async function decodeSessionToken({ token, secret, salt }: DecodeParams): Promise<JWTPayload | null> {
  if (!token) return null;
  const secrets = secretList(secret);
  const cached = fromCache(`${salt}\u0000${token}`, secrets);
  if (cached) return structuredClone(cached);
  const { payload } = await jwtDecrypt(
    token,
    async ({ kid, enc }) => {
      for (const candidate of secrets) {
        const entry = derive(enc, candidate, salt);
        if (kid === undefined || kid === (await entry.kid)) return entry.key;
      }
      throw new Error('no matching decryption secret');
    },
    { clockTolerance: 15, keyManagementAlgorithms: [ALG], contentEncryptionAlgorithms: [ENC, 'A256GCM'] },
  );
  remember(`${salt}\u0000${token}`, secrets, payload);
  return structuredClone(payload);
}

/** The secrets Auth.js uses when none is configured: AUTH_SECRET_1..3 (newest first, for rotation), then AUTH_SECRET. */
export function authSecrets(env: Record<string, string | undefined> = process.env): string[] {
  return [env.AUTH_SECRET_3, env.AUTH_SECRET_2, env.AUTH_SECRET_1, env.AUTH_SECRET].filter((value): value is string => Boolean(value));
}

/**
 * The session cookie's name as Auth.js picks it for a server render: `__Secure-` when the site is
 * served over HTTPS, judged from AUTH_URL or else the forwarded protocol (Auth.js assumes https when
 * neither says).
 */
export function sessionCookieName(forwardedProto: string | null, env: Record<string, string | undefined> = process.env): string {
  const configured = env.AUTH_URL ?? env.NEXTAUTH_URL;
  const protocol = configured ? new URL(configured).protocol : `${forwardedProto ?? 'https'}:`;
  return protocol === 'https:' ? '__Secure-authjs.session-token' : 'authjs.session-token';
}

/** The cookie's value, joined from Auth.js's chunks (`name.0`, `name.1`, …) when it was split. */
export function sessionCookieValue(name: string, cookies: { get(name: string): { value: string } | undefined; getAll(): { name: string; value: string }[] }): string | undefined {
  const whole = cookies.get(name)?.value;
  if (whole) return whole;
  const chunks = cookies
    .getAll()
    .filter((cookie) => cookie.name.startsWith(`${name}.`) && /^\d+$/.test(cookie.name.slice(name.length + 1)))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length ? chunks.map((cookie) => cookie.value).join('') : undefined;
}
