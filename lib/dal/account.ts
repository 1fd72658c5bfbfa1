import 'server-only';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { clinics, episodes, mfaRecoveryCodes, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { checkNewPassword } from '@/lib/auth/password-policy';
import { generateRecoveryCodes, hashRecoveryCode, useTotpCode } from '@/lib/auth/second-factor';
import { openSecret, sealSecret } from '@/lib/auth/secret-box';
import { generateTotpSecret, otpauthUri } from '@/lib/auth/totp';
import { mfaRequiredFor, requireRole, requireViewer, type Viewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { recordAudit } from './audit';
import { responsibleClinicianIn } from './clinician-access';
import { issueToken } from './tokens';

export type MfaStatus = {
  enabled: boolean;
  enabledAt: Date | null;
  required: boolean;
  /** Set up but not yet confirmed with a code: the key to show. */
  pending: { secret: string; uri: string } | null;
  recoveryCodesLeft: number;
};

function auditBase(viewer: Viewer) {
  return { actorId: viewer.userId, actorRole: viewer.role, clinicId: viewer.clinicId, clientAddress: viewer.clientAddress };
}

/** Any signed-in user: their own MFA state. No session: AppError('unauthenticated'). */
export async function getMfaStatus(): Promise<MfaStatus> {
  const viewer = await requireViewer();
  const db = getDb();
  const [row] = await db
    .select({
      mfaSecret: users.mfaSecret,
      mfaEnabledAt: users.mfaEnabledAt,
      forManagers: clinics.mfaRequiredForManagers,
      forClinicians: clinics.mfaRequiredForClinicians,
    })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(eq(users.id, viewer.userId));
  const [left] = await db
    .select({ n: count() })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, viewer.userId), isNull(mfaRecoveryCodes.usedAt)));
  const pendingSecret = row?.mfaSecret && !row.mfaEnabledAt ? openSecret(row.mfaSecret) : null;
  return {
    enabled: Boolean(row?.mfaEnabledAt),
    enabledAt: row?.mfaEnabledAt ?? null,
    required: row ? mfaRequiredFor(viewer.role, { mfaRequiredForManagers: row.forManagers, mfaRequiredForClinicians: row.forClinicians }) : false,
    pending: pendingSecret ? { secret: pendingSecret, uri: otpauthUri(pendingSecret, viewer.email) } : null,
    recoveryCodesLeft: Number(left?.n ?? 0),
  };
}

export type ClinicSecurity = { mfaRequiredForManagers: boolean; mfaRequiredForClinicians: boolean };

/** Manager: their clinic's sign-in policy. Others: AppError('forbidden'). */
export async function getClinicSecurity(): Promise<ClinicSecurity> {
  const viewer = await requireRole('manager');
  const [row] = await getDb()
    .select({ mfaRequiredForManagers: clinics.mfaRequiredForManagers, mfaRequiredForClinicians: clinics.mfaRequiredForClinicians })
    .from(clinics)
    .where(eq(clinics.id, viewer.clinicId));
  return row!;
}

/**
 * Manager: sets whether managers and clinicians of their clinic must use MFA. Those not yet
 * enrolled are sent to enrolment at their next page. Others: AppError('forbidden').
 */
export async function updateClinicSecurity(settings: ClinicSecurity): Promise<void> {
  const viewer = await requireRole('manager');
  await getDb().transaction(async (tx) => {
    await tx.update(clinics).set(settings).where(eq(clinics.id, viewer.clinicId));
    await recordAudit(tx, { ...auditBase(viewer), action: 'clinic.settings-update', outcome: 'success', resourceType: 'clinic', resourceId: viewer.clinicId, detail: { ...settings } });
  });
}

/** Any signed-in user without MFA: creates a new authenticator key to confirm. Already enrolled: conflict. */
export async function startMfaEnrolment(): Promise<void> {
  const viewer = await requireViewer();
  const updated = await getDb()
    .update(users)
    .set({ mfaSecret: sealSecret(generateTotpSecret()), updatedAt: new Date() })
    .where(and(eq(users.id, viewer.userId), isNull(users.mfaEnabledAt)))
    .returning({ id: users.id });
  if (updated.length === 0) throw new AppError('conflict', 'Two-step sign-in is already on.');
}

/**
 * Any signed-in user with a pending key: turns MFA on when `code` matches, and returns ten new
 * recovery codes (shown once; only their hashes are stored). Wrong code: null, nothing changes.
 */
export async function confirmMfaEnrolment(code: string): Promise<string[] | null> {
  const viewer = await requireViewer();
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ mfaSecret: users.mfaSecret, mfaEnabledAt: users.mfaEnabledAt })
      .from(users)
      .where(eq(users.id, viewer.userId))
      .for('update');
    if (!row?.mfaSecret || row.mfaEnabledAt) return null;
    if (!(await useTotpCode(tx, viewer.userId, row.mfaSecret, code))) {
      await recordAudit(tx, { ...auditBase(viewer), action: 'mfa.enrol', outcome: 'failure', resourceType: 'user', resourceId: viewer.userId });
      return null;
    }
    await tx.update(users).set({ mfaEnabledAt: new Date(), updatedAt: new Date() }).where(eq(users.id, viewer.userId));
    const codes = await replaceRecoveryCodes(tx, viewer.userId);
    await recordAudit(tx, { ...auditBase(viewer), action: 'mfa.enrol', outcome: 'success', resourceType: 'user', resourceId: viewer.userId });
    return codes;
  });
}

async function replaceRecoveryCodes(tx: Tx, userId: string) {
  const codes = generateRecoveryCodes();
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await tx.insert(mfaRecoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

/** Any signed-in user with MFA, after re-entering their password: ten fresh recovery codes; the old ones stop working. */
export async function regenerateRecoveryCodes(password: string): Promise<string[] | 'wrong-password' | 'not-enrolled'> {
  const viewer = await requireViewer();
  if (!(await checkOwnPassword(viewer.userId, password))) return 'wrong-password';
  return getDb().transaction(async (tx) => {
    const [row] = await tx.select({ enabledAt: users.mfaEnabledAt }).from(users).where(eq(users.id, viewer.userId));
    if (!row?.enabledAt) return 'not-enrolled' as const;
    const codes = await replaceRecoveryCodes(tx, viewer.userId);
    await recordAudit(tx, { ...auditBase(viewer), action: 'mfa.recovery-codes-replaced', outcome: 'success', resourceType: 'user', resourceId: viewer.userId });
    return codes;
  });
}

/**
 * Any signed-in user whose clinic does not require MFA for their role, after re-entering their
 * password: turns MFA off. Required by the clinic: 'required'.
 */
export async function disableMfa(password: string): Promise<'ok' | 'wrong-password' | 'required'> {
  const viewer = await requireViewer();
  const status = await getMfaStatus();
  if (status.required) return 'required';
  if (!(await checkOwnPassword(viewer.userId, password))) return 'wrong-password';
  await getDb().transaction(async (tx) => {
    await tx.update(users).set({ mfaSecret: null, mfaEnabledAt: null, updatedAt: new Date() }).where(eq(users.id, viewer.userId));
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, viewer.userId));
    await recordAudit(tx, { ...auditBase(viewer), action: 'mfa.disable', outcome: 'success', resourceType: 'user', resourceId: viewer.userId });
  });
  return 'ok';
}

async function checkOwnPassword(userId: string, password: string): Promise<boolean> {
  const [row] = await getDb().select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.hash ? verifyPassword(row.hash, password) : false;
}

export type ChangePasswordOutcome = { ok: true } | { ok: false; field: 'current' | 'password'; message: string };

/**
 * Any signed-in user, with their current password: sets a new one that meets the policy. Every
 * session of the account ends, this one included (session version bump), so a stolen cookie dies
 * with the old password.
 */
export async function changeOwnPassword(current: string, next: string): Promise<ChangePasswordOutcome> {
  const viewer = await requireViewer();
  if (!(await checkOwnPassword(viewer.userId, current))) {
    await recordAudit(getDb(), { ...auditBase(viewer), action: 'account.password-change', outcome: 'failure', resourceType: 'user', resourceId: viewer.userId });
    return { ok: false, field: 'current', message: 'That is not your current password.' };
  }
  const problem = checkNewPassword(next, { email: viewer.email, name: viewer.name });
  if (problem) return { ok: false, field: 'password', message: problem };
  if (next === current) return { ok: false, field: 'password', message: 'Choose a password different from your current one.' };
  const passwordHash = await hashPassword(next);
  await getDb().transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, viewer.userId));
    await recordAudit(tx, { ...auditBase(viewer), action: 'account.password-change', outcome: 'success', resourceType: 'user', resourceId: viewer.userId });
  });
  return { ok: true };
}

export type ResetLink = { path: string; expiresAt: Date; name: string };

/**
 * Manager: any active user of their clinic except themselves. Clinician: patients with an episode
 * they are responsible for (own or covered). Everyone else, or another clinic's user: null (and a denied audit row).
 * Issues a one-time reset link (1 hour) to hand over in person or by phone; no email needed.
 */
export async function issuePasswordResetLink(who: { userId: string } | { email: string }): Promise<ResetLink | null> {
  const viewer = await requireViewer();
  const db = getDb();
  const match = 'userId' in who ? eq(users.id, who.userId) : eq(users.email, who.email.toLowerCase());
  const [target] = await db
    .select({ id: users.id, role: users.role, name: users.name, active: users.active })
    .from(users)
    .where(and(match, eq(users.clinicId, viewer.clinicId)));
  let allowed = false;
  if (target && target.active && target.id !== viewer.userId) {
    if (viewer.role === 'manager') allowed = true;
    if (viewer.role === 'clinician' && target.role === 'patient') {
      const [care] = await db
        .select({ n: count() })
        .from(episodes)
        .where(and(eq(episodes.patientId, target.id), responsibleClinicianIn(episodes.clinicianId, viewer), eq(episodes.clinicId, viewer.clinicId)));
      allowed = Number(care?.n ?? 0) > 0;
    }
  }
  if (!allowed || !target) {
    await recordAudit(db, { ...auditBase(viewer), action: 'account.reset-link-issue', outcome: 'denied', resourceType: 'user', resourceId: target?.id ?? null });
    return null;
  }
  return db.transaction(async (tx) => {
    const link = await issueToken(tx, { userId: target.id, kind: 'reset', createdBy: viewer.userId });
    await recordAudit(tx, {
      ...auditBase(viewer),
      action: 'account.reset-link-issue',
      outcome: 'success',
      patientId: target.role === 'patient' ? target.id : null,
      resourceType: 'user',
      resourceId: target.id,
    });
    return { path: link.path, expiresAt: link.expiresAt, name: target.name };
  });
}
