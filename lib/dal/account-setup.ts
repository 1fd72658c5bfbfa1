import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { clinics, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { checkNewPassword } from '@/lib/auth/password-policy';
import { recordAudit } from '@/lib/audit/record';
import { consumeToken, peekToken, voidOutstandingTokens, type TokenKind } from './internal/tokens';

export type LinkDetails = { name: string; email: string; clinicName: string };

/** Anyone holding a valid link: who it is for. Unknown, used or expired links: null. */
export async function getLinkDetails(secret: string, kind: TokenKind): Promise<LinkDetails | null> {
  const db = getDb();
  const userId = await peekToken(db, secret, kind);
  if (!userId) return null;
  const [row] = await db
    .select({ name: users.name, email: users.email, clinicName: clinics.name, active: users.active })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(eq(users.id, userId))
    .limit(1);
  return row && row.active ? { name: row.name, email: row.email, clinicName: row.clinicName } : null;
}

export type SetPasswordOutcome = { ok: true; email: string; userId: string } | { ok: false; reason: 'invalid-link' } | { ok: false; reason: 'weak-password'; message: string };

/**
 * Anyone holding a valid link: sets the account's password and uses the link up, with every other
 * outstanding link of the account. Every earlier session of the account ends (session version
 * bump). Invalid links change nothing.
 */
export async function setPasswordWithLink(
  secret: string,
  kind: TokenKind,
  password: string,
  clientAddress: string | null,
): Promise<SetPasswordOutcome> {
  const details = await getLinkDetails(secret, kind);
  if (!details) return { ok: false, reason: 'invalid-link' };
  const problem = checkNewPassword(password, { email: details.email, name: details.name });
  if (problem) return { ok: false, reason: 'weak-password', message: problem };
  const passwordHash = await hashPassword(password);
  return getDb().transaction(async (tx) => {
    const userId = await consumeToken(tx, secret, kind);
    if (!userId) return { ok: false, reason: 'invalid-link' } as const;
    await voidOutstandingTokens(tx, userId);
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ id: users.id, role: users.role, clinicId: users.clinicId, email: users.email });
    await recordAudit(tx, {
      action: kind === 'invite' ? 'account.invitation-accepted' : 'account.password-reset',
      outcome: 'success',
      actorId: user!.id,
      actorRole: user!.role,
      clinicId: user!.clinicId,
      resourceType: 'user',
      resourceId: user!.id,
      clientAddress,
    });
    return { ok: true, email: user!.email, userId: user!.id } as const;
  });
}
