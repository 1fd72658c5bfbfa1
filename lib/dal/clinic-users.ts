import 'server-only';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { clinics, episodes, users } from '@/db/schema';
import { requireClinicManager } from '@/lib/auth/viewer';
import type { InviteStaffInput } from '@/lib/validation/users';
import { reportEmailInUse } from './internal/email-in-use';
import { updateOwnClinic } from './internal/own-clinic';
import { recordViewerAction } from './internal/viewer-action';
import { issueToken } from './internal/tokens';

export type StaffMember = {
  id: string;
  name: string;
  email: string;
  role: 'clinician' | 'manager';
  active: boolean;
  invitationPending: boolean;
  lastSignInAt: Date | null;
  activeEpisodes: number;
  isYou: boolean;
};

/** Manager: the clinicians and managers of their own clinic, with open caseload sizes. Others: AppError('forbidden'). */
export async function listClinicStaff(): Promise<StaffMember[]> {
  const viewer = await requireClinicManager();
  const rows = await getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      // Only whether a password exists: the hash itself never leaves lib/auth.
      invitationPending: sql<boolean>`${users.passwordHash} is null`,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .where(and(eq(users.clinicId, viewer.clinicId), inArray(users.role, ['clinician', 'manager'])))
    .orderBy(asc(users.role), asc(users.name));
  const caseloads = await getDb()
    .select({ clinicianId: episodes.clinicianId, n: count() })
    .from(episodes)
    .where(and(eq(episodes.clinicId, viewer.clinicId), eq(episodes.status, 'active')))
    .groupBy(episodes.clinicianId);
  const open = new Map(caseloads.map((row) => [row.clinicianId, row.n]));
  return rows.map((row) => ({
    ...row,
    role: row.role as StaffMember['role'],
    activeEpisodes: open.get(row.id) ?? 0,
    isYou: row.id === viewer.userId,
  }));
}

export type InvitationLink = { path: string; expiresAt: Date; name: string; email: string };
export type InviteOutcome = { ok: true; link: InvitationLink } | { ok: false; reason: 'email-taken' };

/**
 * Manager: adds a clinician or manager to their own clinic with no password and returns a one-time
 * invitation link (shown once; only its hash is stored). An email that already has an account, in
 * this clinic or another: 'email-taken' either way (lib/dal/internal/email-in-use.ts tells the owner).
 * Others: AppError('forbidden').
 */
export async function inviteStaff(input: InviteStaffInput): Promise<InviteOutcome> {
  const viewer = await requireClinicManager();
  const outcome = await getDb().transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ clinicId: viewer.clinicId, email: input.email, name: input.name, role: input.role, passwordHash: null })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!user) return { ok: false, reason: 'email-taken' } as const;
    const link = await issueToken(tx, { userId: user.id, kind: 'invite', createdBy: viewer.userId });
    await recordViewerAction(tx, viewer, {
      action: 'manager.user.invite',
      resourceType: 'user',
      resourceId: user.id,
      detail: { role: input.role },
    });
    return { ok: true, link: { path: link.path, expiresAt: link.expiresAt, name: input.name, email: input.email } } as const;
  });
  if (!outcome.ok) await reportEmailInUse(viewer, input.email, 'staff-invitation');
  return outcome;
}

/**
 * Manager: a fresh invitation link for a staff member of their own clinic who has not set a password
 * yet (earlier links stop working). Anyone else, or a user who already has a password: null.
 */
export async function renewInvitation(userId: string): Promise<InvitationLink | null> {
  const viewer = await requireClinicManager();
  return getDb().transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(
        and(
          eq(users.id, userId),
          eq(users.clinicId, viewer.clinicId),
          eq(users.active, true),
          inArray(users.role, ['clinician', 'manager']),
          sql`${users.passwordHash} is null`,
        ),
      )
      .limit(1);
    if (!user) return null;
    const link = await issueToken(tx, { userId: user.id, kind: 'invite', createdBy: viewer.userId });
    await recordViewerAction(tx, viewer, {
      action: 'manager.user.invite-renewed',
      resourceType: 'user',
      resourceId: user.id,
    });
    return { path: link.path, expiresAt: link.expiresAt, name: user.name, email: user.email };
  });
}

export type SetActiveOutcome = 'done' | 'not-found' | 'self' | 'has-caseload' | 'is-cover' | 'is-safety-lead';

/**
 * Manager: deactivates (or reactivates) a user of their own clinic. Deactivation bumps the session
 * version in the same transaction, so every session of that user fails on its next request. A clinician
 * leaves no patient or alert behind: one with active episodes ('has-caseload'; reassign them first),
 * covering for an away colleague ('is-cover') or named safety lead ('is-safety-lead') is refused and
 * nothing changes; an away clinician's away status ends with the account. Their own account: 'self'.
 * Users of other clinics, closed patient accounts or unknown ids: 'not-found'. Others: AppError('forbidden').
 */
export async function setUserActive(userId: string, active: boolean): Promise<SetActiveOutcome> {
  const viewer = await requireClinicManager();
  if (userId === viewer.userId) return 'self';
  return getDb().transaction(async (tx) => {
    const [target] = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.clinicId, viewer.clinicId)))
      .for('update');
    if (!target) return 'not-found';
    if (!active && target.role === 'clinician') {
      // Locks the clinic row too, so a safety lead cannot be named while the clinician is being deactivated.
      const [clinic] = await tx.select({ safetyLeadId: clinics.safetyLeadId }).from(clinics).where(eq(clinics.id, viewer.clinicId)).for('update');
      if (clinic?.safetyLeadId === target.id) return 'is-safety-lead';
      const [open] = await tx
        .select({ n: count() })
        .from(episodes)
        .where(and(eq(episodes.clinicianId, target.id), eq(episodes.status, 'active')));
      if ((open?.n ?? 0) > 0) return 'has-caseload';
      const [covering] = await tx.select({ id: users.id }).from(users).where(eq(users.coverClinicianId, target.id)).limit(1);
      if (covering) return 'is-cover';
    }
    const [user] = await tx
      .update(users)
      .set({
        active,
        ...(active ? {} : { sessionVersion: sql`${users.sessionVersion} + 1`, coverClinicianId: null, awaySince: null }),
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(users.id, target.id),
          // A closed patient account stays closed until it is purged (lib/dal/retention.ts).
          sql`not exists (select 1 from account_closures c where c.user_id = ${users.id})`,
        ),
      )
      .returning({ id: users.id });
    if (!user) return 'not-found';
    await recordViewerAction(tx, viewer, {
      action: active ? 'manager.user.reactivate' : 'manager.user.deactivate',
      patientId: target.role === 'patient' ? target.id : null,
      resourceType: 'user',
      resourceId: target.id,
    });
    return 'done';
  });
}

/** Manager: whether their clinic shows patient names in drill-downs and exports. Others: AppError('forbidden'). */
export async function getIdentityPolicy(): Promise<boolean> {
  const viewer = await requireClinicManager();
  const [clinic] = await getDb()
    .select({ value: clinics.managersSeePatientIdentity })
    .from(clinics)
    .where(eq(clinics.id, viewer.clinicId));
  return clinic?.value ?? false;
}

/** Manager: changes their own clinic's identity policy, recorded in the audit trail. Others: AppError('forbidden'). */
export async function setIdentityPolicy(managersSeePatientIdentity: boolean): Promise<void> {
  const viewer = await requireClinicManager();
  await updateOwnClinic(viewer, 'manager.clinic.identity-policy', { managersSeePatientIdentity }, { managersSeePatientIdentity });
}
