/**
 * The VAPID key pair that signs every Web Push request (RFC 8292), and the contact the push services
 * see. Taken from VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY / VAPID_SUBJECT when set; otherwise generated
 * once and kept in the database (server_keys), so every server process and machine on one database
 * signs with the same pair and browsers' subscriptions stay valid across restarts. The private key is
 * sealed with a key derived from AUTH_SECRET (lib/auth/secret-box.ts): rotating AUTH_SECRET makes a new
 * pair, and each device then turns push on again (docs/SECURITY.md, "Web Push").
 */
import { eq } from 'drizzle-orm';
import webpush from 'web-push';
import type { Db } from '@/db/connection';
import { serverKeys } from '@/db/schema';
import { openSecret, sealSecret } from '@/lib/auth/secret-box';

export type VapidDetails = { subject: string; publicKey: string; privateKey: string };

const KEY_NAME = 'vapid';
const SEAL_PURPOSE = 'vapid-private-key-v1';

const cache = new WeakMap<Db, Promise<VapidDetails>>();

/** The contact push services may use about this server: VAPID_SUBJECT, else the sender address, else the portal's address. */
export function vapidSubject(env: Record<string, string | undefined> = process.env): string {
  if (env.VAPID_SUBJECT) return env.VAPID_SUBJECT;
  if (env.SMTP_FROM) return `mailto:${env.SMTP_FROM}`;
  if (env.AUTH_URL?.startsWith('https://')) return env.AUTH_URL;
  return 'mailto:uplift@localhost';
}

/** The keys and subject to sign with; generated and stored on first use when the environment has none. */
export function vapidDetails(db: Db, env: Record<string, string | undefined> = process.env): Promise<VapidDetails> {
  if (env.VAPID_PUBLIC_KEY || env.VAPID_PRIVATE_KEY) {
    if (!env.VAPID_PUBLIC_KEY || !env.VAPID_PRIVATE_KEY) throw new Error('Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither.');
    return Promise.resolve({ subject: vapidSubject(env), publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY });
  }
  let pending = cache.get(db);
  if (!pending) {
    pending = storedKeys(db, vapidSubject(env));
    cache.set(db, pending);
    pending.catch(() => cache.delete(db));
  }
  return pending;
}

async function storedKeys(db: Db, subject: string): Promise<VapidDetails> {
  const read = async () => (await db.select().from(serverKeys).where(eq(serverKeys.name, KEY_NAME)))[0];
  let row = await read();
  if (row) {
    const privateKey = openSecret(row.sealedPrivateKey, SEAL_PURPOSE);
    if (privateKey) return { subject, publicKey: row.publicKey, privateKey };
    // Sealed under another AUTH_SECRET: unusable, so replaced (devices subscribe again).
    await db.delete(serverKeys).where(eq(serverKeys.name, KEY_NAME));
  }
  const generated = webpush.generateVAPIDKeys();
  // Two processes starting together: the first insert wins and both read it back.
  await db
    .insert(serverKeys)
    .values({ name: KEY_NAME, publicKey: generated.publicKey, sealedPrivateKey: sealSecret(generated.privateKey, SEAL_PURPOSE) })
    .onConflictDoNothing();
  row = await read();
  const privateKey = row ? openSecret(row.sealedPrivateKey, SEAL_PURPOSE) : null;
  if (!row || !privateKey) throw new Error('The Web Push keys could not be stored.');
  return { subject, publicKey: row.publicKey, privateKey };
}
