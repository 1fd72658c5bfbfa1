import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createUser, signInAs } from '@/db/factories';
import { auditEvents, clinics, tokens, users } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { getViewer } from '@/lib/auth/viewer';
import { setTestSession } from '@/lib/auth/session-claims';
import { isAppError } from '@/lib/errors';
import { reassignCaseload } from './reassign';
import { getIdentityPolicy, inviteStaff, listClinicStaff, renewInvitation, setIdentityPolicy, setUserActive } from './clinic-users';
import { getLinkDetails } from './account-setup';

const db = setupTestDatabase();

const forbidden = async (call: () => Promise<unknown>) => isAppError(await call().catch((error: unknown) => error), 'forbidden');
const auditOf = (resourceId: string) => db().select().from(auditEvents).where(eq(auditEvents.resourceId, resourceId));

describe('listClinicStaff', () => {
  it('lists the clinic’s clinicians and managers with their open caseloads, and no one else', async () => {
    const team = await createCareTeam(db());
    await createCareTeam(db());
    await signInAs(db(), team.manager.id);
    const staff = await listClinicStaff();
    expect(staff.map((member) => member.id).sort()).toEqual([team.clinician.id, team.manager.id].sort());
    expect(staff.find((member) => member.id === team.clinician.id)).toMatchObject({ activeEpisodes: 1, invitationPending: false, isYou: false });
    expect(staff.find((member) => member.id === team.manager.id)?.isYou).toBe(true);
    expect(JSON.stringify(staff)).not.toContain('argon2');
  });

  it('refuses clinicians and patients', async () => {
    const team = await createCareTeam(db());
    for (const user of [team.clinician, team.patient]) {
      await signInAs(db(), user.id);
      expect(await forbidden(listClinicStaff)).toBe(true);
    }
  });
});

describe('inviteStaff', () => {
  it('creates a clinician without a password and a one-time link that works on the invitation page', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.manager.id);
    const email = `new-${Date.now()}@test.example`;
    const outcome = await inviteStaff({ name: 'Ria Das', email, role: 'clinician' });
    if (!outcome.ok) throw new Error('expected an invitation');
    expect(outcome.link.path).toMatch(/^\/invite\/[A-Za-z0-9_-]{40,}$/);
    const secret = outcome.link.path.split('/').at(-1)!;
    expect(await getLinkDetails(secret, 'invite')).toMatchObject({ name: 'Ria Das', email, clinicName: team.clinic.name });
    const [user] = await db().select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ clinicId: team.clinic.id, role: 'clinician', passwordHash: null, active: true });
    expect((await auditOf(user!.id)).map((event) => event.action)).toContain('manager.user.invite');
    // The secret itself is never stored.
    const stored = await db().select({ hash: tokens.tokenHash }).from(tokens).where(eq(tokens.userId, user!.id));
    expect(stored[0]!.hash).not.toBe(secret);
  });

  it('refuses an email that is already in use, writing nothing', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.manager.id);
    expect(await inviteStaff({ name: 'Someone', email: team.clinician.email, role: 'clinician' })).toEqual({ ok: false, reason: 'email-taken' });
    const [clinician] = await db().select().from(users).where(eq(users.id, team.clinician.id));
    expect(clinician!.name).toBe(team.clinician.name);
  });

  it('refuses clinicians', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.clinician.id);
    expect(await forbidden(() => inviteStaff({ name: 'Sneaky', email: `x-${Date.now()}@test.example`, role: 'manager' }))).toBe(true);
  });

  it('renews a pending invitation only, and only in the manager’s clinic', async () => {
    const team = await createCareTeam(db());
    const other = await createCareTeam(db());
    await signInAs(db(), team.manager.id);
    const outcome = await inviteStaff({ name: 'Pending Person', email: `p-${Date.now()}@test.example`, role: 'clinician' });
    if (!outcome.ok) throw new Error('expected an invitation');
    const [pending] = await db().select().from(users).where(eq(users.email, outcome.link.email));
    const renewed = await renewInvitation(pending!.id);
    expect(renewed?.path).toBeDefined();
    expect(await getLinkDetails(outcome.link.path.split('/').at(-1)!, 'invite')).toBeNull();
    expect(await renewInvitation(team.clinician.id)).toBeNull();
    expect(await renewInvitation(other.clinician.id)).toBeNull();
  });
});

describe('setUserActive', () => {
  it('ends the deactivated user’s existing session on their next request, and audits it', async () => {
    const team = await createCareTeam(db());
    // A clinician with patients must hand them over first (see cover.integration.test.ts).
    const colleague = await createUser(db(), team.clinic.id, 'clinician');
    await signInAs(db(), team.manager.id);
    expect(await reassignCaseload(team.clinician.id, colleague.id)).toEqual({ outcome: 'done', moved: 1 });
    await signInAs(db(), team.clinician.id);
    const session = { userId: team.clinician.id, sessionVersion: team.clinician.sessionVersion, signedInAt: Date.now() };
    expect(await getViewer()).not.toBeNull();

    await signInAs(db(), team.manager.id);
    expect(await setUserActive(team.clinician.id, false)).toBe('done');

    // The clinician's browser sends the same cookie again.
    setTestSession(session, '203.0.113.9');
    expect(await getViewer()).toBeNull();
    const [after] = await db().select().from(users).where(eq(users.id, team.clinician.id));
    expect(after).toMatchObject({ active: false, sessionVersion: team.clinician.sessionVersion + 1 });
    expect((await auditOf(team.clinician.id)).map((event) => [event.action, event.actorId])).toContainEqual(['manager.user.deactivate', team.manager.id]);

    // Reactivated, they must sign in again: the old session stays dead.
    await signInAs(db(), team.manager.id);
    expect(await setUserActive(team.clinician.id, true)).toBe('done');
    setTestSession(session, '203.0.113.9');
    expect(await getViewer()).toBeNull();
  });

  it('will not let a manager deactivate themselves', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.manager.id);
    expect(await setUserActive(team.manager.id, false)).toBe('self');
    expect(await getViewer()).not.toBeNull();
  });

  it('cannot reach a user of another clinic', async () => {
    const team = await createCareTeam(db());
    const other = await createCareTeam(db());
    await signInAs(db(), team.manager.id);
    expect(await setUserActive(other.clinician.id, false)).toBe('not-found');
    const [untouched] = await db().select().from(users).where(eq(users.id, other.clinician.id));
    expect(untouched!.active).toBe(true);
  });

  it('refuses clinicians and patients, and records the refusal', async () => {
    const team = await createCareTeam(db());
    const colleague = await createUser(db(), team.clinic.id, 'clinician');
    for (const user of [team.clinician, team.patient]) {
      await signInAs(db(), user.id);
      expect(await forbidden(() => setUserActive(colleague.id, false))).toBe(true);
    }
    const denied = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, team.clinician.id), eq(auditEvents.outcome, 'denied')));
    expect(denied.length).toBeGreaterThan(0);
    const [still] = await db().select().from(users).where(eq(users.id, colleague.id));
    expect(still!.active).toBe(true);
  });
});

describe('identity policy', () => {
  it('is off by default and a manager can turn it on, audited', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.manager.id);
    expect(await getIdentityPolicy()).toBe(false);
    await setIdentityPolicy(true);
    expect(await getIdentityPolicy()).toBe(true);
    const [clinic] = await db().select().from(clinics).where(eq(clinics.id, team.clinic.id));
    expect(clinic!.managersSeePatientIdentity).toBe(true);
    expect((await auditOf(team.clinic.id)).map((event) => event.action)).toContain('manager.clinic.identity-policy');
  });

  it('refuses clinicians', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.clinician.id);
    expect(await forbidden(() => setIdentityPolicy(true))).toBe(true);
  });
});
