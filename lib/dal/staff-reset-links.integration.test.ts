import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCareTeam, createUser, signInAs, TEST_PASSWORD } from '@/db/factories';
import { auditEvents, clinics, mfaRecoveryCodes, tokens, users } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { authenticate } from '@/lib/auth/credentials';
import { hashRecoveryCode } from '@/lib/auth/second-factor';
import { sealSecret } from '@/lib/auth/secret-box';
import { generateTotpSecret, totpCode } from '@/lib/auth/totp';
import { getViewer } from '@/lib/auth/viewer';
import { isAppError } from '@/lib/errors';
import { startTestSmtpServer, type TestSmtpServer } from '@/lib/mail/test-smtp-server';
import { disableMfa, getMfaResetNotice, issuePasswordResetLink, regenerateRecoveryCodes } from './account';
import { getLinkDetails } from './account-setup';

const db = setupTestDatabase();

async function withMfa(userId: string) {
  const secret = generateTotpSecret();
  await db().update(users).set({ mfaSecret: sealSecret(secret), mfaEnabledAt: new Date() }).where(eq(users.id, userId));
  await db().insert(mfaRecoveryCodes).values({ userId, codeHash: await hashRecoveryCode('aaaa-bbbb-cccc-dddd') });
  return secret;
}

const wrongCode = (secret: string) => String((Number(totpCode(secret)) + 500_000) % 1_000_000).padStart(6, '0');

async function auditOf(action: string, resourceId: string) {
  return db()
    .select({ outcome: auditEvents.outcome, actorId: auditEvents.actorId, detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.resourceId, resourceId)));
}

describe('a staff member’s reset link when the clinic has a mail server', () => {
  let server: TestSmtpServer;
  beforeAll(async () => {
    server = await startTestSmtpServer();
    process.env.SMTP_URL = `smtp://127.0.0.1:${server.port}`;
    process.env.SMTP_FROM = 'noreply@clinic.example';
    process.env.AUTH_URL = 'https://uplift.clinic.example';
  });
  afterAll(() => {
    void server.close();
    delete process.env.SMTP_URL;
    delete process.env.SMTP_FROM;
    delete process.env.AUTH_URL;
  });

  it('is emailed to that person only and never shown to the manager; their second factor stays', async () => {
    const { manager, clinician } = await createCareTeam(db());
    await withMfa(clinician.id);
    await signInAs(db(), manager.id);
    const outcome = await issuePasswordResetLink({ email: clinician.email });
    expect(outcome).toEqual({ status: 'emailed', name: clinician.name });
    expect(JSON.stringify(outcome)).not.toContain('/reset/');
    expect(server.recipients()).toContain(clinician.email);
    const link = /https:\/\/uplift\.clinic\.example\/reset\/([A-Za-z0-9_-]+)/.exec(server.text());
    expect(link).not.toBeNull();
    expect(await getLinkDetails(link![1]!, 'reset')).toMatchObject({ email: clinician.email });
    expect(server.text()).toContain(`${manager.name} at your clinic asked`);
    const [row] = await db().select({ mfaEnabledAt: users.mfaEnabledAt, mfaResetAt: users.mfaResetAt }).from(users).where(eq(users.id, clinician.id));
    expect(row!.mfaEnabledAt).not.toBeNull();
    expect(row!.mfaResetAt).toBeNull();
    expect((await auditOf('account.reset-link-issue', clinician.id)).map((event) => event.detail)).toEqual([{ delivery: 'email' }]);
  });
});

describe('a staff member’s reset link when the clinic has no mail server', () => {
  afterEach(() => signInAs(db(), null));

  it('needs the manager to have a second factor of their own', async () => {
    const { manager, clinician } = await createCareTeam(db());
    await signInAs(db(), manager.id);
    expect(await issuePasswordResetLink({ userId: clinician.id })).toEqual({ status: 'own-mfa-needed' });
    expect(await db().select().from(tokens).where(eq(tokens.userId, clinician.id))).toHaveLength(0);
  });

  it('re-checks the manager’s code, then shows the link, clears the person’s second factor and tells them at their next sign-in', async () => {
    const { manager, clinician } = await createCareTeam(db());
    const managerSecret = await withMfa(manager.id);
    await withMfa(clinician.id);
    await signInAs(db(), manager.id);

    expect(await issuePasswordResetLink({ userId: clinician.id })).toEqual({ status: 'confirm-needed' });
    expect(await issuePasswordResetLink({ userId: clinician.id }, { code: wrongCode(managerSecret) })).toEqual({ status: 'wrong-code' });
    expect(await db().select().from(tokens).where(eq(tokens.userId, clinician.id))).toHaveLength(0);

    const outcome = await issuePasswordResetLink({ userId: clinician.id }, { code: totpCode(managerSecret) });
    expect(outcome).toMatchObject({ status: 'link', secondFactorCleared: true, name: clinician.name });
    const [row] = await db().select().from(users).where(eq(users.id, clinician.id));
    expect(row).toMatchObject({ mfaSecret: null, mfaEnabledAt: null, sessionVersion: clinician.sessionVersion + 1 });
    expect(row!.mfaResetAt).not.toBeNull();
    expect(await db().select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, clinician.id))).toHaveLength(0);
    expect((await auditOf('mfa.recheck', manager.id)).map((event) => event.outcome)).toEqual(['failure', 'success']);
    expect(await auditOf('mfa.reset-by-staff', clinician.id)).toEqual([{ outcome: 'success', actorId: manager.id, detail: null }]);

    // The person signs in with the new password and no code, and must enrol before anything else.
    expect((await authenticate({ email: clinician.email, password: TEST_PASSWORD }, '198.51.100.77')).status).toBe('ok');
    await signInAs(db(), clinician.id);
    expect(await getViewer()).toMatchObject({ mfaSetupRequired: true, mfaEnabled: false });
    expect(await getMfaResetNotice()).toMatchObject({ byName: manager.name });
  });

  it('throttles the manager’s code re-check: after five wrong codes even the right one waits', async () => {
    const { manager, clinician } = await createCareTeam(db());
    const managerSecret = await withMfa(manager.id);
    await signInAs(db(), manager.id);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await issuePasswordResetLink({ userId: clinician.id }, { code: wrongCode(managerSecret) })).toEqual({ status: 'wrong-code' });
    }
    expect(await issuePasswordResetLink({ userId: clinician.id }, { code: totpCode(managerSecret) })).toEqual({ status: 'throttled' });
    const [row] = await db().select({ mfaResetAt: users.mfaResetAt }).from(users).where(eq(users.id, clinician.id));
    expect(row!.mfaResetAt).toBeNull();
  });
});

describe('who may issue links at all', () => {
  it('needs the role’s full sign-in: a manager whose clinic requires MFA and who has not enrolled is refused', async () => {
    const { clinic, manager, patient } = await createCareTeam(db());
    await db().update(clinics).set({ mfaRequiredForManagers: true }).where(eq(clinics.id, clinic.id));
    await signInAs(db(), manager.id);
    await expect(issuePasswordResetLink({ userId: patient.id })).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
    expect(await db().select().from(tokens).where(and(eq(tokens.userId, patient.id), isNull(tokens.usedAt)))).toHaveLength(0);
  });

  it('a deactivated member of staff gets nothing', async () => {
    const { clinic, patient } = await createCareTeam(db());
    const gone = await createUser(db(), clinic.id, 'manager');
    await signInAs(db(), gone.id);
    await db().update(users).set({ active: false }).where(eq(users.id, gone.id));
    await expect(issuePasswordResetLink({ userId: patient.id })).rejects.toSatisfy((error) => isAppError(error, 'unauthenticated'));
  });
});

describe('re-entering the password while signed in', () => {
  it('is throttled and audited before MFA is turned off or codes are replaced', async () => {
    const { patient } = await createCareTeam(db());
    await withMfa(patient.id);
    await signInAs(db(), patient.id);
    for (let attempt = 0; attempt < 3; attempt += 1) expect(await disableMfa(`guess ${attempt}`)).toBe('wrong-password');
    for (let attempt = 0; attempt < 2; attempt += 1) expect(await regenerateRecoveryCodes(`guess ${attempt}`)).toBe('wrong-password');
    expect(await disableMfa(TEST_PASSWORD)).toBe('throttled');
    expect(await regenerateRecoveryCodes(TEST_PASSWORD)).toBe('throttled');
    const disable = await auditOf('mfa.disable', patient.id);
    expect(disable.map((event) => [event.outcome, event.detail?.reason])).toEqual([
      ['failure', 'wrong-password'],
      ['failure', 'wrong-password'],
      ['failure', 'wrong-password'],
      ['denied', 'throttled'],
    ]);
    expect((await auditOf('mfa.recovery-codes-replaced', patient.id)).map((event) => event.outcome)).toEqual(['failure', 'failure', 'denied']);
    const [row] = await db().select({ mfaEnabledAt: users.mfaEnabledAt }).from(users).where(eq(users.id, patient.id));
    expect(row!.mfaEnabledAt).not.toBeNull();
  });
});
