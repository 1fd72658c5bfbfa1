import 'server-only';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '@/db/client';
import { executeRows } from '@/db/rows';
import { clinics, episodes, mfaRecoveryCodes, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { checkNewPassword } from '@/lib/auth/password-policy';
import { generateRecoveryCodes, hashRecoveryCode, useRecoveryCode, useTotpCode } from '@/lib/auth/second-factor';
import { clearKey, RECHECK_THRESHOLD, reserveAttempt, type ThrottleKey } from '@/lib/auth/throttle';
import { openSecret, sealSecret } from '@/lib/auth/secret-box';
import { generateTotpSecret, otpauthUri } from '@/lib/auth/totp';
import { auditActor, mfaRequiredFor, requireClinicManager, requireRole, requireViewer, type Viewer } from '@/lib/auth/viewer';
import { canManageClinic } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/record';
import { responsibleClinicianIn } from './internal/clinician-access';
import { updateOwnClinic } from './internal/own-clinic';
import { emailResetLink, isSelfServiceResetAvailable } from './password-reset-request';
import { issueToken, voidOutstandingTokens } from './internal/tokens';

export type MfaStatus = {
  enabled: boolean;
  enabledAt: Date | null;
  required: boolean;
  /** Set up but not yet confirmed with a code: the key to show. */
  pending: { secret: string; uri: string } | null;
  recoveryCodesLeft: number;
};

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
  const viewer = await requireClinicManager();
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
  const viewer = await requireClinicManager();
  await updateOwnClinic(viewer, 'clinic.settings-update', settings, { ...settings });
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
      await recordAudit(tx, { ...auditActor(viewer), action: 'mfa.enrol', outcome: 'failure', resourceType: 'user', resourceId: viewer.userId });
      return null;
    }
    await tx.update(users).set({ mfaEnabledAt: new Date(), mfaResetAt: null, updatedAt: new Date() }).where(eq(users.id, viewer.userId));
    const codes = await replaceRecoveryCodes(tx, viewer.userId);
    await recordAudit(tx, { ...auditActor(viewer), action: 'mfa.enrol', outcome: 'success', resourceType: 'user', resourceId: viewer.userId });
    return codes;
  });
}

async function replaceRecoveryCodes(tx: Tx, userId: string) {
  const codes = generateRecoveryCodes();
  const hashes = await Promise.all(codes.map((code) => hashRecoveryCode(code)));
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await tx.insert(mfaRecoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
  return codes;
}

/** Any signed-in user with MFA, after re-entering their password: ten fresh recovery codes; the old ones stop working. */
export async function regenerateRecoveryCodes(password: string): Promise<string[] | 'wrong-password' | 'throttled' | 'not-enrolled'> {
  const viewer = await requireViewer();
  const checked = await checkOwnPassword(viewer, password, 'mfa.recovery-codes-replaced');
  if (checked !== 'ok') return checked;
  return getDb().transaction(async (tx) => {
    const [row] = await tx.select({ enabledAt: users.mfaEnabledAt }).from(users).where(eq(users.id, viewer.userId));
    if (!row?.enabledAt) return 'not-enrolled' as const;
    const codes = await replaceRecoveryCodes(tx, viewer.userId);
    await recordAudit(tx, { ...auditActor(viewer), action: 'mfa.recovery-codes-replaced', outcome: 'success', resourceType: 'user', resourceId: viewer.userId });
    return codes;
  });
}

/**
 * Any signed-in user whose clinic does not require MFA for their role, after re-entering their
 * password: turns MFA off. Required by the clinic: 'required'.
 */
export async function disableMfa(password: string): Promise<'ok' | 'wrong-password' | 'throttled' | 'required'> {
  const viewer = await requireViewer();
  const status = await getMfaStatus();
  if (status.required) return 'required';
  const checked = await checkOwnPassword(viewer, password, 'mfa.disable');
  if (checked !== 'ok') return checked;
  await getDb().transaction(async (tx) => {
    await tx.update(users).set({ mfaSecret: null, mfaEnabledAt: null, updatedAt: new Date() }).where(eq(users.id, viewer.userId));
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, viewer.userId));
    await recordAudit(tx, { ...auditActor(viewer), action: 'mfa.disable', outcome: 'success', resourceType: 'user', resourceId: viewer.userId });
  });
  return 'ok';
}

/**
 * The viewer's own password, asked for again before turning MFA off, making new recovery codes or
 * changing the password. Reserved on the account's re-check throttle key before it is verified (a
 * stolen session cannot guess the password at speed); every failure and refusal is audited under
 * `action`.
 */
async function checkOwnPassword(viewer: Viewer, password: string, action: string): Promise<'ok' | 'wrong-password' | 'throttled'> {
  const db = getDb();
  const key = recheckKey(viewer.userId);
  const base = { ...auditActor(viewer), action, resourceType: 'user', resourceId: viewer.userId };
  if (!(await reserveAttempt(db, [key]))) {
    await recordAudit(db, { ...base, outcome: 'denied', detail: { reason: 'throttled' } });
    return 'throttled';
  }
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, viewer.userId));
  const ok = row?.hash ? await verifyPassword(row.hash, password) : false;
  if (!ok) {
    await recordAudit(db, { ...base, outcome: 'failure', detail: { reason: 'wrong-password' } });
    return 'wrong-password';
  }
  await clearKey(db, key);
  return 'ok';
}

/** Throttle key for re-entering one's own password or second factor while signed in. */
function recheckKey(userId: string): ThrottleKey {
  return { key: `recheck:${userId}`, threshold: RECHECK_THRESHOLD };
}

export type ChangePasswordOutcome = { ok: true } | { ok: false; field: 'current' | 'password'; message: string };

/**
 * Any signed-in user, with their current password: sets a new one that meets the policy. Every
 * session of the account ends, this one included (session version bump), so a stolen cookie dies
 * with the old password, and every outstanding reset or invitation link is voided.
 */
export async function changeOwnPassword(current: string, next: string): Promise<ChangePasswordOutcome> {
  const viewer = await requireViewer();
  const checked = await checkOwnPassword(viewer, current, 'account.password-change');
  if (checked === 'throttled') return { ok: false, field: 'current', message: 'Too many tries. Wait a few minutes, then try again.' };
  if (checked !== 'ok') return { ok: false, field: 'current', message: 'That is not your current password.' };
  const problem = checkNewPassword(next, { email: viewer.email, name: viewer.name });
  if (problem) return { ok: false, field: 'password', message: problem };
  if (next === current) return { ok: false, field: 'password', message: 'Choose a password different from your current one.' };
  const passwordHash = await hashPassword(next);
  await getDb().transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, viewer.userId));
    await voidOutstandingTokens(tx, viewer.userId);
    await recordAudit(tx, { ...auditActor(viewer), action: 'account.password-change', outcome: 'success', resourceType: 'user', resourceId: viewer.userId });
  });
  return { ok: true };
}

export type ResetLinkOutcome =
  /** A link to hand over: a patient's, or a staff member's when the clinic has no mail server. */
  | { status: 'link'; path: string; expiresAt: Date; name: string; secondFactorCleared: boolean }
  /** A staff member's link, sent to their own email address and never shown to the issuer. */
  | { status: 'emailed'; name: string }
  /** No mail server: the manager confirms with their own authenticator or recovery code first. */
  | { status: 'confirm-needed' }
  /** No mail server and the manager has no second factor to confirm with. */
  | { status: 'own-mfa-needed' }
  | { status: 'wrong-code' }
  | { status: 'throttled' }
  | { status: 'mail-failed' }
  | { status: 'refused' };

/**
 * Reset links issued by staff, so that they cannot be used to impersonate anyone
 * (docs/SECURITY.md, "Password reset and invitations"):
 * - Only with the role's full sign-in (requireRole: MFA where the clinic requires it). Patients and
 *   others: AppError('forbidden').
 * - Manager: any active user of their clinic except themselves. Clinician: patients in their
 *   active caseload (an active episode assigned to them, or covered while its clinician is away).
 *   Anyone else, or another clinic's user:
 *   'refused', with a denied audit row.
 * - A patient's link is returned to hand over (in person or by phone).
 * - A staff member's link is emailed to that person and never returned. Without a mail server the
 *   manager must confirm with their own second factor (throttled and audited); the link is then
 *   returned, and the staff member's second factor is cleared: they must enrol again at their next
 *   sign-in, where they are told who reset it (and the audit trail records it).
 */
export async function issuePasswordResetLink(
  who: { userId: string } | { email: string },
  confirmation: { code?: string; recoveryCode?: string } = {},
): Promise<ResetLinkOutcome> {
  const viewer = await requireRole('manager', 'clinician');
  const db = getDb();
  const match = 'userId' in who ? eq(users.id, who.userId) : eq(users.email, who.email.toLowerCase());
  const [target] = await db
    .select({ id: users.id, clinicId: users.clinicId, role: users.role, name: users.name, email: users.email, active: users.active })
    .from(users)
    .where(and(match, eq(users.clinicId, viewer.clinicId)));
  let allowed = false;
  if (target && target.active && target.id !== viewer.userId) {
    if (canManageClinic(viewer, target.clinicId)) allowed = true;
    if (viewer.role === 'clinician' && target.role === 'patient') {
      const [care] = await db
        .select({ n: count() })
        .from(episodes)
        .where(
          and(
            eq(episodes.patientId, target.id),
            responsibleClinicianIn(episodes.clinicianId, viewer),
            eq(episodes.clinicId, viewer.clinicId),
            eq(episodes.status, 'active'),
          ),
        );
      allowed = Number(care?.n ?? 0) > 0;
    }
  }
  const audit = (executor: Db | Tx, outcome: 'success' | 'denied' | 'failure', detail?: Record<string, string | boolean>) =>
    recordAudit(executor, {
      ...auditActor(viewer),
      action: 'account.reset-link-issue',
      outcome,
      patientId: target?.role === 'patient' ? target.id : null,
      resourceType: 'user',
      resourceId: target?.id ?? null,
      detail,
    });
  if (!allowed || !target) {
    await audit(db, 'denied');
    return { status: 'refused' };
  }

  if (target.role === 'patient') {
    return db.transaction(async (tx) => {
      const link = await issueToken(tx, { userId: target.id, kind: 'reset', createdBy: viewer.userId });
      await audit(tx, 'success', { delivery: 'handed-over' });
      return { status: 'link', path: link.path, expiresAt: link.expiresAt, name: target.name, secondFactorCleared: false } as const;
    });
  }

  if (isSelfServiceResetAvailable()) {
    const link = await db.transaction(async (tx) => {
      const issued = await issueToken(tx, { userId: target.id, kind: 'reset', createdBy: viewer.userId });
      await audit(tx, 'success', { delivery: 'email' });
      return issued;
    });
    const sent = await emailResetLink(target, link.path, { issuedBy: viewer.name });
    if (!sent) {
      await voidOutstandingTokens(db, target.id);
      await audit(db, 'failure', { delivery: 'email', reason: 'mail-failed' });
      return { status: 'mail-failed' };
    }
    return { status: 'emailed', name: target.name };
  }

  // No mail server: the link can only be handed over, so the manager proves it is them first.
  if (!viewer.mfaEnabled) {
    await audit(db, 'denied', { reason: 'issuer-without-mfa' });
    return { status: 'own-mfa-needed' };
  }
  if (!confirmation.code && !confirmation.recoveryCode) return { status: 'confirm-needed' };
  const confirmed = await recheckOwnSecondFactor(viewer, confirmation);
  if (confirmed !== 'ok') {
    await audit(db, 'denied', { reason: confirmed === 'throttled' ? 'recheck-throttled' : 'recheck-failed' });
    return { status: confirmed };
  }
  return db.transaction(async (tx) => {
    const link = await issueToken(tx, { userId: target.id, kind: 'reset', createdBy: viewer.userId });
    await tx
      .update(users)
      .set({ mfaSecret: null, mfaEnabledAt: null, mfaResetAt: new Date(), sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, target.id));
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, target.id));
    await audit(tx, 'success', { delivery: 'handed-over', secondFactorCleared: true });
    await recordAudit(tx, { ...auditActor(viewer), action: 'mfa.reset-by-staff', outcome: 'success', resourceType: 'user', resourceId: target.id });
    return { status: 'link', path: link.path, expiresAt: link.expiresAt, name: target.name, secondFactorCleared: true } as const;
  });
}

/**
 * The viewer's own second factor, asked for again before a sensitive step. Reserved on its own
 * throttle key before the check; every failure is audited.
 */
async function recheckOwnSecondFactor(viewer: Viewer, confirmation: { code?: string; recoveryCode?: string }): Promise<'ok' | 'wrong-code' | 'throttled'> {
  const db = getDb();
  const key = recheckKey(viewer.userId);
  if (!(await reserveAttempt(db, [key]))) {
    await recordAudit(db, { ...auditActor(viewer), action: 'mfa.recheck', outcome: 'denied', resourceType: 'user', resourceId: viewer.userId, detail: { reason: 'throttled' } });
    return 'throttled';
  }
  const ok = await db.transaction(async (tx) => {
    const [row] = await tx.select({ mfaSecret: users.mfaSecret, mfaEnabledAt: users.mfaEnabledAt }).from(users).where(eq(users.id, viewer.userId));
    if (!row?.mfaSecret || !row.mfaEnabledAt) return false;
    return confirmation.code ? useTotpCode(tx, viewer.userId, row.mfaSecret, confirmation.code) : useRecoveryCode(tx, viewer.userId, confirmation.recoveryCode ?? '');
  });
  if (!ok) {
    await recordAudit(db, { ...auditActor(viewer), action: 'mfa.recheck', outcome: 'failure', resourceType: 'user', resourceId: viewer.userId });
    return 'wrong-code';
  }
  await clearKey(db, key);
  await recordAudit(db, { ...auditActor(viewer), action: 'mfa.recheck', outcome: 'success', resourceType: 'user', resourceId: viewer.userId });
  return 'ok';
}

export type MfaResetNotice = { at: Date; byName: string | null };

/** Any signed-in user: who cleared their second factor with a reset link, while they have not enrolled again. Else null. */
export async function getMfaResetNotice(): Promise<MfaResetNotice | null> {
  const viewer = await requireViewer();
  if (!viewer.mfaResetAt || viewer.mfaEnabled) return null;
  const rows = await executeRows<{ name: string | null }>(
    getDb(),
    sql`select u.name from audit_events a left join users u on u.id = a.actor_id
        where a.action = 'mfa.reset-by-staff' and a.resource_type = 'user' and a.resource_id = ${viewer.userId}
        order by a.at desc limit 1`,
  );
  return { at: viewer.mfaResetAt, byName: rows[0]?.name ?? null };
}
