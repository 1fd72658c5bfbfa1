import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/dal/audit';
import { verifyAgainstDummy, verifyPassword } from './password';
import type { Role } from './roles';
import { useRecoveryCode, useTotpCode } from './second-factor';
import { ACCOUNT_THRESHOLD, CLIENT_THRESHOLD, accountKey, clearKey, clientKey, lockedUntil, recordFailure } from './throttle';

export type AuthenticatedUser = { id: string; role: Role; sessionVersion: number };

export type SignInAttempt = {
  email: string;
  password: string;
  /** Authenticator code, for accounts with MFA. */
  code?: string;
  recoveryCode?: string;
};

export type SignInOutcome =
  | { status: 'ok'; user: AuthenticatedUser }
  /** Password right, second factor still needed: the form asks for a code. */
  | { status: 'mfa-required' }
  | { status: 'failed' };

/**
 * Checks a sign-in attempt. Every failure looks the same to the caller and costs about the same
 * time (an unknown email is verified against a dummy hash); the reason is kept only in the audit
 * trail. Throttled per account and per client address (lib/auth/throttle.ts): while either is
 * locked even a correct password is refused.
 */
export async function authenticate(attempt: SignInAttempt, clientAddress: string | null): Promise<SignInOutcome> {
  const db = getDb();
  const keys = [accountKey(attempt.email), clientKey(clientAddress)].filter((key): key is string => key !== null);
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
    .where(eq(users.email, attempt.email))
    .limit(1);

  const locked = await lockedUntil(db, keys);
  // Verified even when locked, so a lock is not visible in the response time either.
  const passwordOk = user?.passwordHash ? await verifyPassword(user.passwordHash, attempt.password) : await verifyAgainstDummy(attempt.password);

  const fail = async (reason: string) => {
    await db.transaction(async (tx) => {
      // Attempts during a lock are not counted: hammering cannot extend the lock.
      if (!locked) {
        await recordFailure(tx, accountKey(attempt.email), ACCOUNT_THRESHOLD);
        const client = clientKey(clientAddress);
        if (client) await recordFailure(tx, client, CLIENT_THRESHOLD);
      }
      await recordAudit(tx, {
        action: 'auth.sign-in',
        outcome: 'failure',
        actorId: user?.id ?? null,
        actorRole: user?.role ?? null,
        clinicId: user?.clinicId ?? null,
        clientAddress,
        detail: { reason },
      });
    });
    return { status: 'failed' } as const;
  };

  if (locked) return fail('locked');
  if (!user) return fail('unknown-account');
  if (!passwordOk) return fail('wrong-password');
  if (!user.active) return fail('inactive');

  const mfaOn = Boolean(user.mfaEnabledAt && user.mfaSecret);
  if (mfaOn && !attempt.code && !attempt.recoveryCode) return { status: 'mfa-required' };

  const signedIn = await db.transaction(async (tx) => {
    let method: 'password' | 'totp' | 'recovery-code' = 'password';
    if (mfaOn) {
      const secondOk = attempt.code
        ? await useTotpCode(tx, user.id, user.mfaSecret!, attempt.code)
        : await useRecoveryCode(tx, user.id, attempt.recoveryCode!);
      if (!secondOk) return null;
      method = attempt.code ? 'totp' : 'recovery-code';
    }
    await clearKey(tx, accountKey(attempt.email));
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      action: 'auth.sign-in',
      outcome: 'success',
      actorId: user.id,
      actorRole: user.role,
      clinicId: user.clinicId,
      clientAddress,
      detail: { method },
    });
    return { status: 'ok', user: { id: user.id, role: user.role, sessionVersion: user.sessionVersion } } as const;
  });
  return signedIn ?? fail(attempt.code ? 'wrong-code' : 'wrong-recovery-code');
}
