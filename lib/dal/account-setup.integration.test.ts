import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, signInAs } from '@/db/factories';
import { tokens, users } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { verifyPassword } from '@/lib/auth/password';
import { changeOwnPassword } from './account';
import { getLinkDetails, setPasswordWithLink } from './account-setup';
import { hashToken, issueToken } from './internal/tokens';
import { MS_PER_DAY } from '@/lib/time';

const db = setupTestDatabase();
const NEW_PASSWORD = 'a long walk along the canal';

describe('invitation links', () => {
  it('stores only a hash, sets the password once, and refuses the second use', async () => {
    const { patient, clinician } = await createCareTeam(db());
    const link = await issueToken(db(), { userId: patient.id, kind: 'invite', createdBy: clinician.id });
    const stored = await db().select().from(tokens).where(eq(tokens.userId, patient.id));
    expect(stored[0]!.tokenHash).toBe(hashToken(link.secret));
    expect(JSON.stringify(stored)).not.toContain(link.secret);
    expect(link.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * MS_PER_DAY);

    expect(await getLinkDetails(link.secret, 'invite')).toMatchObject({ email: patient.email });
    expect(await setPasswordWithLink(link.secret, 'invite', NEW_PASSWORD, null)).toEqual({ ok: true, email: patient.email, userId: patient.id });
    const [user] = await db().select().from(users).where(eq(users.id, patient.id));
    expect(await verifyPassword(user!.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(user!.sessionVersion).toBe(patient.sessionVersion + 1);

    expect(await setPasswordWithLink(link.secret, 'invite', 'another long passphrase', null)).toEqual({ ok: false, reason: 'invalid-link' });
    expect(await getLinkDetails(link.secret, 'invite')).toBeNull();
  });

  it('refuses an expired link, a link of the other kind, and a weak password without using the link', async () => {
    const { patient } = await createCareTeam(db());
    const old = await issueToken(db(), { userId: patient.id, kind: 'reset', createdBy: null, now: new Date(Date.now() - 2 * 3_600_000) });
    expect(await setPasswordWithLink(old.secret, 'reset', NEW_PASSWORD, null)).toEqual({ ok: false, reason: 'invalid-link' });

    const fresh = await issueToken(db(), { userId: patient.id, kind: 'invite', createdBy: null });
    expect(await setPasswordWithLink(fresh.secret, 'reset', NEW_PASSWORD, null)).toEqual({ ok: false, reason: 'invalid-link' });
    const weak = await setPasswordWithLink(fresh.secret, 'invite', 'short', null);
    expect(weak).toMatchObject({ ok: false, reason: 'weak-password' });
    expect(await getLinkDetails(fresh.secret, 'invite')).not.toBeNull();
  });

  it('a new link replaces the previous one', async () => {
    const { patient } = await createCareTeam(db());
    const first = await issueToken(db(), { userId: patient.id, kind: 'invite', createdBy: null });
    const second = await issueToken(db(), { userId: patient.id, kind: 'invite', createdBy: null });
    expect(await getLinkDetails(first.secret, 'invite')).toBeNull();
    expect(await getLinkDetails(second.secret, 'invite')).not.toBeNull();
  });

  it('lets exactly one of several simultaneous submits use a link', async () => {
    const { patient } = await createCareTeam(db());
    const link = await issueToken(db(), { userId: patient.id, kind: 'invite', createdBy: null });
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => setPasswordWithLink(link.secret, 'invite', NEW_PASSWORD, null)),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
  });

  it('any password change voids every outstanding link of the account', async () => {
    const { patient, clinician } = await createCareTeam(db());
    const invite = await issueToken(db(), { userId: patient.id, kind: 'invite', createdBy: clinician.id });
    const reset = await issueToken(db(), { userId: patient.id, kind: 'reset', createdBy: clinician.id });
    expect(await setPasswordWithLink(reset.secret, 'reset', NEW_PASSWORD, null)).toMatchObject({ ok: true });
    expect(await getLinkDetails(invite.secret, 'invite')).toBeNull();

    const staffLink = await issueToken(db(), { userId: patient.id, kind: 'reset', createdBy: clinician.id });
    await signInAs(db(), patient.id);
    expect(await changeOwnPassword(NEW_PASSWORD, 'a different walk by the river')).toEqual({ ok: true });
    expect(await getLinkDetails(staffLink.secret, 'reset')).toBeNull();
  });
});
