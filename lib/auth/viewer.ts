import 'server-only';
import { eq } from 'drizzle-orm';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { clinics, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { ClinicCountry } from '@/lib/content/emergency-services';
import { AppError } from '@/lib/errors';
import { personTimeZone } from '@/lib/time';
import { clientAddressFrom } from './client-address';
import { canManageClinic } from './policy';
import { SESSION_ABSOLUTE_MS, type Role } from './roles';
import { readTestSession, sessionClaimsSchema, type SessionClaims } from './session-claims';
import { authSecrets, decodeSessionToken, sessionCookieName, sessionCookieValue } from './session-token';

/** The signed-in person, as the database says they are right now. */
export type Viewer = {
  userId: string;
  role: Role;
  clinicId: string;
  name: string;
  email: string;
  /** The zone this person's days are counted and shown in (personTimeZone: their own, else the clinic's). */
  timeZone: string;
  /** Picks the emergency number and urgent-advice service this person is told to use. */
  clinicCountry: ClinicCountry;
  clientAddress: string | null;
  /** An authenticator app is enrolled for two-step sign-in. */
  mfaEnabled: boolean;
  /** Not enrolled, and the clinic requires MFA for this role or staff cleared it with a reset: enrolment comes first. */
  mfaSetupRequired: boolean;
  /** When staff cleared this account's second factor with a password reset (null otherwise). */
  mfaResetAt: Date | null;
};

/** Whether the clinic's policy requires a second factor for `role`. */
export function mfaRequiredFor(role: Role, clinic: { mfaRequiredForManagers: boolean; mfaRequiredForClinicians: boolean }): boolean {
  if (role === 'manager') return clinic.mfaRequiredForManagers;
  if (role === 'clinician') return clinic.mfaRequiredForClinicians;
  return false;
}

async function readClaims(): Promise<{ claims: SessionClaims | null; clientAddress: string | null }> {
  const test = readTestSession();
  if (test) return { claims: test.claims, clientAddress: test.clientAddress ?? null };
  const [requestHeaders, jar] = await Promise.all([headers(), cookies()]);
  const clientAddress = clientAddressFrom(requestHeaders);
  // The cookie Auth.js issued, decrypted directly (the same check its session action makes, without
  // re-issuing a cookie a server render cannot set anyway). Anything unreadable or expired is no session.
  const name = sessionCookieName(requestHeaders.get('x-forwarded-proto'));
  let payload: Record<string, unknown> | null = null;
  try {
    payload = await decodeSessionToken({ token: sessionCookieValue(name, jar), secret: authSecrets(), salt: name });
  } catch {
    payload = null;
  }
  const parsed = sessionClaimsSchema.safeParse({ userId: payload?.sub, sessionVersion: payload?.sv, signedInAt: payload?.sia });
  return { claims: parsed.success ? parsed.data : null, clientAddress };
}

type SessionState = {
  viewer: Viewer | null;
  /** Why there is no viewer, for the audit row of a refusal. */
  reason: 'no-session' | 'expired' | 'revoked' | null;
  /** The account a cookie named, when it named a real one (an expired or revoked session is still attributable). */
  claimedUserId: string | null;
  clientAddress: string | null;
};

/**
 * The session as the database sees it right now. The token's claims are never trusted alone: role,
 * clinic, active flag and session version are reloaded on every request, so deactivation, a role change
 * or a password change take effect at once.
 */
const resolveSession = cache(async (): Promise<SessionState> => {
  const { claims, clientAddress } = await readClaims();
  const none = { viewer: null, claimedUserId: null, clientAddress };
  if (!claims) return { ...none, reason: 'no-session' };
  const [user] = await getDb()
    .select({
      id: users.id,
      role: users.role,
      clinicId: users.clinicId,
      name: users.name,
      email: users.email,
      active: users.active,
      sessionVersion: users.sessionVersion,
      timeZone: users.timeZone,
      clinicTimeZone: clinics.timeZone,
      clinicCountry: clinics.country,
      mfaEnabledAt: users.mfaEnabledAt,
      mfaResetAt: users.mfaResetAt,
      mfaRequiredForManagers: clinics.mfaRequiredForManagers,
      mfaRequiredForClinicians: clinics.mfaRequiredForClinicians,
    })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(eq(users.id, claims.userId))
    .limit(1);
  if (!user) return { ...none, reason: 'no-session' };
  if (Date.now() - claims.signedInAt > SESSION_ABSOLUTE_MS) return { ...none, claimedUserId: user.id, reason: 'expired' };
  if (!user.active || user.sessionVersion !== claims.sessionVersion) return { ...none, claimedUserId: user.id, reason: 'revoked' };
  const viewer: Viewer = {
    userId: user.id,
    role: user.role,
    clinicId: user.clinicId,
    name: user.name,
    email: user.email,
    timeZone: personTimeZone(user.timeZone, user.clinicTimeZone),
    // The database allows only known codes (clinics_country_known).
    clinicCountry: user.clinicCountry as ClinicCountry,
    clientAddress,
    mfaEnabled: user.mfaEnabledAt !== null,
    // Staff who reset this account without email cleared its second factor: enrol again first.
    mfaSetupRequired: user.mfaEnabledAt === null && (mfaRequiredFor(user.role, user) || user.mfaResetAt !== null),
    mfaResetAt: user.mfaResetAt,
  };
  return { viewer, reason: null, claimedUserId: user.id, clientAddress };
});

/** The current viewer, or null when there is no valid session. */
export async function getViewer(): Promise<Viewer | null> {
  return (await resolveSession()).viewer;
}

/**
 * Any signed-in user; otherwise AppError('unauthenticated'), recorded in the audit trail as a refusal
 * with the client address, why (no session, expired, revoked) and, for an expired or revoked session,
 * the account it belonged to. `attempt` names what was asked for.
 */
export async function requireViewer(attempt = 'session.required'): Promise<Viewer> {
  const session = await resolveSession();
  if (session.viewer) return session.viewer;
  await recordAudit(getDb(), {
    action: attempt,
    outcome: 'denied',
    actorId: session.claimedUserId,
    clientAddress: session.clientAddress,
    detail: { reason: session.reason },
  });
  throw new AppError('unauthenticated', 'Please sign in.');
}

/**
 * A signed-in user with one of `roles`; others get AppError('forbidden'), recorded in the audit
 * trail. A user whose clinic requires MFA and who has not enrolled yet is refused too, until they
 * enrol (guardArea sends them to /mfa-setup first).
 */
export async function requireRole(...roles: Role[]): Promise<Viewer> {
  const viewer = await requireViewer(`area.${roles.join('|')}`);
  if (!roles.includes(viewer.role)) {
    await recordDenied(viewer, `area.${roles.join('|')}`);
    throw new AppError('forbidden', 'You do not have access to this page.');
  }
  if (viewer.mfaSetupRequired) {
    await recordDenied(viewer, 'mfa.enrolment-required');
    throw new AppError('forbidden', 'Set up two-step sign-in first.');
  }
  return viewer;
}

/**
 * A manager acting on their clinic. canManageClinic (lib/auth/policy.ts) is the one rule for a manager's
 * access; every manager function of lib/dal starts here and scopes its SQL to the returned viewer's
 * clinicId. Others: AppError('forbidden'), recorded in the audit trail.
 */
export async function requireClinicManager(): Promise<Viewer> {
  const viewer = await requireRole('manager');
  if (!canManageClinic(viewer, viewer.clinicId)) {
    await recordDenied(viewer, 'area.manager');
    throw new AppError('forbidden', 'You do not have access to this page.');
  }
  return viewer;
}

/** Who acted, for an audit row: the viewer, their role and clinic, and the address they came from. */
export function auditActor(viewer: Viewer) {
  return { actorId: viewer.userId, actorRole: viewer.role, clinicId: viewer.clinicId, clientAddress: viewer.clientAddress };
}

export async function recordDenied(viewer: Viewer, action: string, resource?: { type: string; id: string }) {
  await recordAudit(getDb(), {
    action,
    outcome: 'denied',
    ...auditActor(viewer),
    resourceType: resource?.type ?? null,
    resourceId: resource?.id ?? null,
  });
}
