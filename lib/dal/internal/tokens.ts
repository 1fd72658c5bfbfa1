/**
 * One-time links for invitations and password resets. Only a SHA-256 of the secret is stored; a
 * link works once, until it expires. No `server-only` marker: DAL modules call these inside their
 * own transactions after checking who may issue a link.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db, Tx } from '@/db/connection';
import { tokens } from '@/db/schema';

export type TokenKind = 'invite' | 'reset';

export const TOKEN_LIFETIME_HOURS: Record<TokenKind, number> = { invite: 7 * 24, reset: 1 };

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Creates a link secret for `userId`; earlier unused links of the same kind stop working. */
export async function issueToken(
  executor: Db | Tx,
  input: { userId: string; kind: TokenKind; createdBy: string | null; now?: Date },
): Promise<{ secret: string; path: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  const secret = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_HOURS[input.kind] * 3_600_000);
  await executor
    .update(tokens)
    .set({ usedAt: now })
    .where(and(eq(tokens.userId, input.userId), eq(tokens.kind, input.kind), isNull(tokens.usedAt)));
  await executor.insert(tokens).values({
    userId: input.userId,
    kind: input.kind,
    tokenHash: hashToken(secret),
    expiresAt,
    createdBy: input.createdBy,
  });
  return { secret, path: `/${input.kind === 'invite' ? 'invite' : 'reset'}/${secret}`, expiresAt };
}

/** The user a still-valid link belongs to, without using it up (to render the form). */
export async function peekToken(executor: Db | Tx, secret: string, kind: TokenKind, now = new Date()): Promise<string | null> {
  const [row] = await executor
    .select({ userId: tokens.userId })
    .from(tokens)
    .where(and(eq(tokens.tokenHash, hashToken(secret)), eq(tokens.kind, kind), isNull(tokens.usedAt), gt(tokens.expiresAt, now)))
    .limit(1);
  return row?.userId ?? null;
}

/**
 * Uses up a link atomically: of two simultaneous submits, exactly one gets the user id.
 * Returns null for an unknown, used, expired or wrong-kind link.
 */
export async function consumeToken(executor: Db | Tx, secret: string, kind: TokenKind, now = new Date()): Promise<string | null> {
  const [row] = await executor
    .update(tokens)
    .set({ usedAt: now })
    .where(and(eq(tokens.tokenHash, hashToken(secret)), eq(tokens.kind, kind), isNull(tokens.usedAt), gt(tokens.expiresAt, now)))
    .returning({ userId: tokens.userId });
  return row?.userId ?? null;
}

/**
 * Voids every unused link of `userId`, invitations and resets alike: called on any password
 * change, so a link issued before it (by staff or by email) can no longer take the account over.
 */
export async function voidOutstandingTokens(executor: Db | Tx, userId: string, now = new Date()): Promise<void> {
  await executor
    .update(tokens)
    .set({ usedAt: now })
    .where(and(eq(tokens.userId, userId), isNull(tokens.usedAt)));
}
