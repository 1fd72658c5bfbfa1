import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/dal/audit';
import { verifyAgainstDummy, verifyPassword } from './password';
import type { Role } from './roles';

export type AuthenticatedUser = { id: string; role: Role; sessionVersion: number };

/**
 * Checks an email and password. Every failure looks the same to the caller (null) and costs the
 * same time; the reason is kept only in the audit trail.
 */
export async function authenticate(
  email: string,
  password: string,
  clientAddress: string | null,
): Promise<AuthenticatedUser | null> {
  const db = getDb();
  const [user] = await db
    .select({
      id: users.id,
      role: users.role,
      clinicId: users.clinicId,
      passwordHash: users.passwordHash,
      active: users.active,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);

  const passwordOk = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstDummy(password);

  if (!user || !passwordOk || !user.active) {
    await recordAudit(db, {
      action: 'auth.sign-in',
      outcome: 'failure',
      actorId: user?.id ?? null,
      actorRole: user?.role ?? null,
      clinicId: user?.clinicId ?? null,
      clientAddress,
      detail: { reason: !user ? 'unknown-account' : !passwordOk ? 'wrong-password' : 'inactive' },
    });
    return null;
  }

  await db.transaction(async (tx) => {
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      action: 'auth.sign-in',
      outcome: 'success',
      actorId: user.id,
      actorRole: user.role,
      clinicId: user.clinicId,
      clientAddress,
    });
  });
  return { id: user.id, role: user.role, sessionVersion: user.sessionVersion };
}
