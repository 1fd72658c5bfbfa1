/**
 * Checking a second factor at sign-in: an authenticator code (not replayable within its window) or
 * a single-use recovery code. No `server-only` marker so the sign-in path stays testable; callers
 * are lib/auth modules only.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/connection';
import { executeRows } from '@/db/rows';
import { mfaRecoveryCodes } from '@/db/schema';
import { hashPassword, verifyPassword } from './password';
import { openSecret } from './secret-box';
import { matchTotp } from './totp';

export const RECOVERY_CODE_COUNT = 10;
/** Crockford's base32: 32 symbols (5 bits each) with no I, L, O or U to misread. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
/** 16 symbols of 5 bits: 80 random bits per code. */
export const RECOVERY_CODE_LENGTH = 16;

/**
 * Stored as argon2id (the password hash's settings): a copy of the database does not give the
 * codes away even with the 80 bits they carry, and no key is involved, so the codes keep working
 * after AUTH_SECRET changes (they are how people get back in when their authenticator key can no
 * longer be read).
 */
export function hashRecoveryCode(code: string): Promise<string> {
  return hashPassword(normaliseRecoveryCode(code));
}

/** As typed on paper: any case, with or without dashes and spaces; I and L read as 1, O as 0. */
export function normaliseRecoveryCode(code: string): string {
  return code
    .toLowerCase()
    .replace(/[il]/g, '1')
    .replace(/o/g, '0')
    .replace(/[^0-9a-z]/g, '');
}

/** Ten codes like "k3m9-x2pq-7hd4-0vbt", shown once. */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    let bits = 0;
    let value = 0;
    let chars = '';
    for (const byte of bytes) {
      value = (value << 8) | byte;
      bits += 8;
      while (bits >= 5) {
        chars += ALPHABET[(value >>> (bits - 5)) & 31];
        bits -= 5;
      }
      value &= (1 << bits) - 1;
    }
    return chars.match(/.{4}/g)!.join('-');
  });
}

/**
 * Codes made before recovery codes carried 80 bits were 12 characters, stored as plain SHA-256.
 * They still work once each, so nobody is locked out; making new codes replaces them.
 */
function legacyRecoveryHash(code: string): string {
  return createHash('sha256').update(code.toLowerCase().replace(/[^a-z0-9]/g, '')).digest('hex');
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
  const typed = normaliseRecoveryCode(code);
  const legacy = code.toLowerCase().replace(/[^a-z0-9]/g, '').length === 12;
  if (typed.length !== RECOVERY_CODE_LENGTH && !legacy) return false;
  const unused = await executor
    .select({ id: mfaRecoveryCodes.id, codeHash: mfaRecoveryCodes.codeHash })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
  for (const candidate of unused) {
    const matches = candidate.codeHash.startsWith('$argon2')
      ? typed.length === RECOVERY_CODE_LENGTH && (await verifyPassword(candidate.codeHash, typed))
      : legacy && safeEqual(candidate.codeHash, legacyRecoveryHash(code));
    if (!matches) continue;
    // The used_at condition makes the use atomic: of two simultaneous uses of one code, one wins.
    const used = await executor
      .update(mfaRecoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(mfaRecoveryCodes.id, candidate.id), isNull(mfaRecoveryCodes.usedAt)))
      .returning({ id: mfaRecoveryCodes.id });
    return used.length === 1;
  }
  return false;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
