import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '@/db/client';
import { users } from '@/db/schema';
import { deviceNonceFor } from '@/lib/auth/device-cookie';
import { reserveAttempt, type ThrottleKey } from '@/lib/auth/throttle';
import { sendMail, smtpConfigFromEnv } from '@/lib/mail/smtp';
import { log } from '@/lib/log';
import { recordAudit } from '@/lib/audit/record';
import { issueToken, TOKEN_LIFETIME_HOURS } from './internal/tokens';

/**
 * Three reset emails to an address straight away; after that the same progressive delay as sign-in
 * (1, 2, 4 … at most 15 minutes between emails), so nobody can flood a mailbox. A browser holding
 * the account's device cookie has its own budget, so a stranger's requests cannot stop the person
 * getting their own link; one client address may ask for twenty addresses' links before its delay.
 */
const FREE_REQUESTS = 3;
const FREE_REQUESTS_PER_CLIENT = 20;

export function resetThrottleKeys(email: string, clientAddress: string | null, deviceNonce: string | null): ThrottleKey[] {
  if (deviceNonce) return [{ key: `reset-device:${deviceNonce}`, threshold: FREE_REQUESTS }];
  const keys: ThrottleKey[] = [{ key: `reset:${email.toLowerCase()}`, threshold: FREE_REQUESTS }];
  if (clientAddress) keys.push({ key: `reset-client:${clientAddress}`, threshold: FREE_REQUESTS_PER_CLIENT });
  return keys;
}

/**
 * Self-service reset by email works only with a mail server (SMTP_URL, SMTP_FROM) and the public
 * address of the site (AUTH_URL) configured. The link's host never comes from the request: a
 * forged Host header must not be able to send people a link to someone else's site.
 */
export function isSelfServiceResetAvailable(): boolean {
  return smtpConfigFromEnv() !== null && Boolean(process.env.AUTH_URL);
}

/**
 * Anyone: asks for a reset link for `email`. When an active account uses it (and the address is
 * not being flooded) a one-hour link is emailed. The caller learns nothing either way; run it
 * after the response so timing does not tell either.
 */
export async function requestPasswordReset(email: string, clientAddress: string | null, deviceCookies: readonly string[] = []): Promise<void> {
  const config = smtpConfigFromEnv();
  const siteUrl = process.env.AUTH_URL;
  if (!config || !siteUrl) return;
  const db = getDb();
  const [user] = await db
    .select({ id: users.id, role: users.role, clinicId: users.clinicId, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.email, email.toLowerCase()), eq(users.active, true)));
  const nonce = user ? deviceNonceFor(user.id, deviceCookies) : null;
  const audit = (executor: Db | Tx, account: NonNullable<typeof user>, outcome: 'success' | 'denied', detail?: Record<string, string>) =>
    recordAudit(executor, {
      action: 'account.reset-requested',
      outcome,
      actorId: account.id,
      actorRole: account.role,
      clinicId: account.clinicId,
      resourceType: 'user',
      resourceId: account.id,
      clientAddress,
      detail,
    });
  // Reserved before anything else, in one statement per key: simultaneous requests cannot all pass.
  if (!(await reserveAttempt(db, resetThrottleKeys(email, clientAddress, nonce)))) {
    if (user) await audit(db, user, 'denied', { reason: 'throttled' });
    return;
  }
  const link = await db.transaction(async (tx) => {
    if (!user) return null;
    const issued = await issueToken(tx, { userId: user.id, kind: 'reset', createdBy: null });
    await audit(tx, user, 'success');
    return issued;
  });
  if (!user || !link) return;
  await emailResetLink(user, link.path);
}

/**
 * Emails a reset link to the person it is for (their own address; the host from AUTH_URL). With
 * `issuedBy`, says which member of staff asked for it. False when mail is not configured or the
 * server refused it; the failure is logged with the user's id only, never the address or the link.
 */
export async function emailResetLink(person: { id: string; name: string; email: string }, path: string, options: { issuedBy?: string } = {}): Promise<boolean> {
  const config = smtpConfigFromEnv();
  const siteUrl = process.env.AUTH_URL;
  if (!config || !siteUrl) return false;
  try {
    await sendMail(config, {
      to: person.email,
      subject: 'Reset your Uplift password',
      text: [
        `Hello ${person.name.split(' ')[0]},`,
        '',
        options.issuedBy
          ? `${options.issuedBy} at your clinic asked for a link to reset the password for your Uplift account.`
          : 'Someone (hopefully you) asked to reset the password for your Uplift account.',
        `Choose a new password here within ${TOKEN_LIFETIME_HOURS.reset} hour: ${new URL(path, siteUrl).toString()}`,
        '',
        options.issuedBy
          ? 'If you did not ask for this, you can ignore this email; your password stays the same. Tell your clinic, as someone may be trying to get into your account.'
          : 'If you did not ask for this, you can ignore this email; your password stays the same.',
      ].join('\n'),
    });
    return true;
  } catch (error) {
    // Ids and codes only: never the address or the link.
    log().error({ err: error, userId: person.id }, 'reset email not sent');
    return false;
  }
}
