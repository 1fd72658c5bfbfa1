/**
 * Checking a second factor at sign-in: an authenticator code (not replayable within its window) or
 * a single-use recovery code. No `server-only` marker so the sign-in path stays testable; callers
 * are lib/auth modules only.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/connection';
import { executeRows } from '@/db/rows';
import { mfaRecoveryCodes } from '@/db/schema';
import { openSecret } from './secret-box';
import { matchTotp } from './totp';

export const RECOVERY_CODE_COUNT = 10;

/** Recovery codes are 80 random bits, so a plain SHA-256 is enough (no slow hash needed). */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
}

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Ten codes like "k3m9-x2pq-7hd4", shown once. */
export function generateRecoveryCodes(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/**
 * True when `code` is the user's current authenticator code and its time step is newer than the
 * last one used (kept in auth_throttle under "mfa-step:<user>" to avoid a schema change).
 */
export async function useTotpCode(executor: Db | Tx, userId: string, sealedSecret: string, code: string, now = Date.now()): Promise<boolean> {
  const secret = openSecret(sealedSecret);
  if (!secret) return false;
  const step = matchTotp(secret, code, now);
  if (step === null) return false;
  const key = `mfa-step:${userId}`;
  const rows = await executeRows<{ key: string }>(
    executor,
    sql`insert into auth_throttle as t (key, failures, last_failure_at) values (${key}, ${step}, now())
        on conflict (key) do update set failures = excluded.failures, last_failure_at = now()
        where t.failures < excluded.failures
        returning key`,
  );
  return rows.length === 1;
}

/** Uses up one unused recovery code of the user; false when none matches. */
export async function useRecoveryCode(executor: Db | Tx, userId: string, code: string, now = new Date()): Promise<boolean> {
  if (normaliseRecoveryCode(code).length !== 12) return false;
  const used = await executor
    .update(mfaRecoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(mfaRecoveryCodes.userId, userId), eq(mfaRecoveryCodes.codeHash, hashRecoveryCode(code)), isNull(mfaRecoveryCodes.usedAt)))
    .returning({ id: mfaRecoveryCodes.id });
  return used.length === 1;
}
