/**
 * Encryption at rest for small secrets (authenticator seeds): AES-256-GCM with a key derived from
 * AUTH_SECRET by HKDF. A copy of the database alone does not reveal anyone's second factor.
 * Rotating AUTH_SECRET therefore also means people re-enrol their authenticator (see docs/SECURITY.md).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * A 256-bit key for one purpose (`info`), derived from AUTH_SECRET by HKDF: separate keys for
 * sealing authenticator seeds, signing device cookies and hashing recovery codes.
 */
export function derivedKey(info: string): Buffer {
  const secret = process.env.AUTH_SECRET ?? (process.env.VITEST ? 'vitest-only-secret-0123456789abcdef' : undefined);
  if (!secret) throw new Error('AUTH_SECRET is required to protect MFA secrets and device cookies');
  return Buffer.from(hkdfSync('sha256', secret, 'uplift', info, 32));
}

/** Authenticator seeds by default; other secrets (the VAPID private key) pass a purpose of their own. */
function key(purpose: string): Buffer {
  return derivedKey(purpose);
}

export function sealSecret(plain: string, purpose = 'mfa-secret-v1'): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(purpose), iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.');
}

/** The plain secret, or null when the value was altered or sealed with another key. */
export function openSecret(sealed: string, purpose = 'mfa-secret-v1'): string | null {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(purpose), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
