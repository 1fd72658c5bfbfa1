import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Db, Tx } from '@/db/connection';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { verifyAgainstDummy, verifyPassword } from './password';
import type { Role } from './roles';
import { useRecoveryCode, useTotpCode } from './second-factor';
import { accountKey, clearKey, clientKey, deviceKey, pruneThrottleNow, releaseAttempt, reserveAttempt, type ThrottleKey } from './throttle';
import { deviceNonceFor, issueDeviceCookie } from './device-cookie';

export type AuthenticatedUser = { id: string; role: Role; sessionVersion: number };

export type SignInAttempt = {
  email: string;
  password: string;
  /** Authenticator code, for accounts with MFA. */
  code?: string;
  recoveryCode?: string;
};

export type SignInOutcome =
  /** `device` is the device cookie to give the browser (lib/auth/device-cookie.ts). */
  | { status: 'ok'; user: AuthenticatedUser; device: { name: string; value: string } }
  /** Password right, second factor still needed: the form asks for a code. */
  | { status: 'mfa-required' }
  | { status: 'failed' };

/**
 * Checks a sign-in attempt. Every failure looks the same to the caller; the reason is kept only in
 * the audit trail. The attempt is reserved on its throttle keys (lib/auth/throttle.ts) before the
 * password or code is checked: the account and client-address keys, or, when the browser sent a
 * valid device cookie for this account, that device's key alone. A refused reservation is
 * answered without checking anything, so simultaneous guesses cannot slip past the delay. Unknown
 * emails are throttled and verified (against a dummy hash) exactly like known ones.
 */
export async function authenticate(attempt: SignInAttempt, clientAddress: string | null, deviceCookies: readonly string[] = []): Promise<SignInOutcome> {
  const db = getDb();
  const [user] = await db
    .select({
      id: users.id,
      role: users.role,
      clinicId: users.clinicId,
      passwordHash: users.passwordHash,
      active: users.active,
      sessionVersion: users.sessionVersion,
      mfaSecret: users.mfaSecret,
      mfaEnabledAt: users.mfaEnabledAt,
    })
    .from(users)
    .where(eq(users.email, attempt.email.toLowerCase()))
    .limit(1);

  const nonce = user ? deviceNonceFor(user.id, deviceCookies) : null;
  const account = accountKey(attempt.email);
  const client = clientKey(clientAddress);
  const keys: ThrottleKey[] = nonce ? [deviceKey(nonce)] : client ? [account, client] : [account];

  const audit = (executor: Db | Tx, outcome: 'failure' | 'success', detail: Record<string, string>) =>
    recordAudit(executor, {
      action: 'auth.sign-in',
      outcome,
      actorId: user?.id ?? null,
      actorRole: user?.role ?? null,
      clinicId: user?.clinicId ?? null,
      clientAddress,
      detail,
    });
  const fail = async (reason: string) => {
    await audit(db, 'failure', nonce ? { reason, device: 'known' } : { reason });
    await pruneThrottleNow(db);
    return { status: 'failed' } as const;
  };

  if (!(await reserveAttempt(db, keys))) return fail('throttled');
  const passwordOk = user?.passwordHash ? await verifyPassword(user.passwordHash, attempt.password) : await verifyAgainstDummy(attempt.password);
  if (!user) return fail('unknown-account');
  if (!passwordOk) return fail('wrong-password');
  if (!user.active) return fail('inactive');

  const mfaOn = Boolean(user.mfaEnabledAt && user.mfaSecret);
  if (mfaOn && !attempt.code && !attempt.recoveryCode) {
    // The password was right: this step does not count; the step with the code is reserved anew.
    await releaseAttempt(db, keys);
    return { status: 'mfa-required' };
  }

  const signedIn = await db.transaction(async (tx) => {
    let method: 'password' | 'totp' | 'recovery-code' = 'password';
    if (mfaOn) {
      const secondOk = attempt.code
        ? await useTotpCode(tx, user.id, user.mfaSecret!, attempt.code)
        : await useRecoveryCode(tx, user.id, attempt.recoveryCode!);
      if (!secondOk) return null;
      method = attempt.code ? 'totp' : 'recovery-code';
    }
    if (nonce) {
      await clearKey(tx, deviceKey(nonce));
    } else {
      await clearKey(tx, account);
      // The address's count stays (one valid account must not reset a budget for guessing others);
      // only this attempt is given back, so an office's own sign-ins never add up to a delay.
      if (client) await releaseAttempt(tx, [client]);
    }
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    await audit(tx, 'success', nonce ? { method, device: 'known' } : { method });
    return { status: 'ok', user: { id: user.id, role: user.role, sessionVersion: user.sessionVersion } } as const;
  });
  if (!signedIn) return fail(attempt.code ? 'wrong-code' : 'wrong-recovery-code');
  const device = issueDeviceCookie(user.id);
  return { ...signedIn, device: { name: device.name, value: device.value } };
}
