import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createUser, TEST_PASSWORD } from '@/db/factories';
import { executeRows } from '@/db/rows';
import { auditEvents, mfaRecoveryCodes, users } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { authenticate } from './credentials';
import { hashRecoveryCode } from './second-factor';
import { sealSecret } from './secret-box';
import { ACCOUNT_THRESHOLD, accountKey, delayMinutes, MAX_DELAY_MINUTES } from './throttle';
import { generateTotpSecret, totpCode } from './totp';

const db = setupTestDatabase();
let addressCounter = 0;
/** A fresh client address per test, so the per-client key never spills between tests. */
const address = () => `198.51.100.${(addressCounter += 1)}`;

async function failures(email: string) {
  const rows = await executeRows<{ failures: number; locked: boolean }>(
    db(),
    sql`select failures, coalesce(locked_until > now(), false) as locked from auth_throttle where key = ${accountKey(email).key}`,
  );
  return rows[0] ?? { failures: 0, locked: false };
}

describe('delayMinutes', () => {
  it('grows 1, 2, 4, 8 then stays at the cap', () => {
    expect([4, 5, 6, 7, 8, 9, 30].map((n) => delayMinutes(n, 5))).toEqual([0, 1, 2, 4, 8, MAX_DELAY_MINUTES, MAX_DELAY_MINUTES]);
  });
});

describe('authenticate', () => {
  it('signs in with the right password, audits it and clears earlier failures', async () => {
    const { patient } = await createCareTeam(db());
    const ip = address();
    expect((await authenticate({ email: patient.email, password: 'wrong password here' }, ip)).status).toBe('failed');
    expect((await failures(patient.email)).failures).toBe(1);
    const outcome = await authenticate({ email: patient.email, password: TEST_PASSWORD }, ip);
    expect(outcome).toMatchObject({ status: 'ok', user: { id: patient.id, role: 'patient', sessionVersion: 1 } });
    expect((await failures(patient.email)).failures).toBe(0);
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.actorId, patient.id));
    expect(audit.map((row) => [row.action, row.outcome])).toEqual([
      ['auth.sign-in', 'failure'],
      ['auth.sign-in', 'success'],
    ]);
    expect(audit[1]!.clientAddress).toBe(ip);
  });

  it('gives the same answer for an unknown email, a wrong password and a deactivated account', async () => {
    const { clinic } = await createCareTeam(db());
    const inactive = await createUser(db(), clinic.id, 'clinician', { active: false });
    const known = await createUser(db(), clinic.id, 'clinician');
    const answers = [
      await authenticate({ email: 'nobody-here@test.example', password: TEST_PASSWORD }, address()),
      await authenticate({ email: known.email, password: 'not the password!' }, address()),
      await authenticate({ email: inactive.email, password: TEST_PASSWORD }, address()),
    ];
    expect(answers).toEqual([{ status: 'failed' }, { status: 'failed' }, { status: 'failed' }]);
    const reasons = await db()
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(sql`${auditEvents.actorId} = ${inactive.id} or ${auditEvents.actorId} = ${known.id}`);
    expect(reasons.map((row) => row.detail?.reason).sort()).toEqual(['inactive', 'wrong-password']);
  });

  it('locks the account after five failures: even the right password is refused, other accounts are not', async () => {
    const { patient, clinician } = await createCareTeam(db());
    for (let attempt = 0; attempt < ACCOUNT_THRESHOLD; attempt += 1) {
      await authenticate({ email: patient.email, password: `guess number ${attempt}` }, address());
    }
    expect(await failures(patient.email)).toEqual({ failures: ACCOUNT_THRESHOLD, locked: true });
    expect((await authenticate({ email: patient.email, password: TEST_PASSWORD }, address())).status).toBe('failed');
    // Attempts during the lock are not counted, so the lock cannot be stretched by hammering.
    expect((await failures(patient.email)).failures).toBe(ACCOUNT_THRESHOLD);
    expect((await authenticate({ email: clinician.email, password: TEST_PASSWORD }, address())).status).toBe('ok');
  });

  it('lets the lock expire by itself', async () => {
    const { patient } = await createCareTeam(db());
    for (let attempt = 0; attempt < ACCOUNT_THRESHOLD; attempt += 1) {
      await authenticate({ email: patient.email, password: `guess number ${attempt}` }, address());
    }
    await db().execute(sql`update auth_throttle set locked_until = now() - interval '1 second' where key = ${accountKey(patient.email).key}`);
    expect((await authenticate({ email: patient.email, password: TEST_PASSWORD }, address())).status).toBe('ok');
  });

  it('locks a client address that guesses across many accounts', async () => {
    const { patient } = await createCareTeam(db());
    const ip = address();
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await authenticate({ email: `spray-${attempt}@test.example`, password: 'Summer2026!!' }, ip);
    }
    expect((await authenticate({ email: patient.email, password: TEST_PASSWORD }, ip)).status).toBe('failed');
    expect((await authenticate({ email: patient.email, password: TEST_PASSWORD }, address())).status).toBe('ok');
  });

  describe('with MFA on', () => {
    async function enrolled() {
      const { clinic } = await createCareTeam(db());
      const secret = generateTotpSecret();
      const manager = await createUser(db(), clinic.id, 'manager', { mfaSecret: sealSecret(secret), mfaEnabledAt: new Date() });
      await db().insert(mfaRecoveryCodes).values({ userId: manager.id, codeHash: await hashRecoveryCode('abcd-efgh-jkmn-pqrs') });
      return { manager, secret };
    }

    it('asks for a code after the right password, without counting a failure', async () => {
      const { manager } = await enrolled();
      expect(await authenticate({ email: manager.email, password: TEST_PASSWORD }, address())).toEqual({ status: 'mfa-required' });
      expect((await failures(manager.email)).failures).toBe(0);
      expect(await authenticate({ email: manager.email, password: 'wrong password!!' }, address())).toEqual({ status: 'failed' });
    });

    it('accepts the current code once, and refuses its replay and wrong codes', async () => {
      const { manager, secret } = await enrolled();
      const code = totpCode(secret);
      expect((await authenticate({ email: manager.email, password: TEST_PASSWORD, code }, address())).status).toBe('ok');
      expect((await authenticate({ email: manager.email, password: TEST_PASSWORD, code }, address())).status).toBe('failed');
      const wrong = String((Number(totpCode(secret)) + 500_000) % 1_000_000).padStart(6, '0');
      expect((await authenticate({ email: manager.email, password: TEST_PASSWORD, code: wrong }, address())).status).toBe('failed');
      expect((await failures(manager.email)).failures).toBe(2);
    });

    it('accepts a recovery code exactly once', async () => {
      const { manager } = await enrolled();
      expect((await authenticate({ email: manager.email, password: TEST_PASSWORD, recoveryCode: 'ABCD EFGH JKMN PQRS' }, address())).status).toBe('ok');
      expect((await authenticate({ email: manager.email, password: TEST_PASSWORD, recoveryCode: 'abcd-efgh-jkmn-pqrs' }, address())).status).toBe('failed');
    });

    it('never accepts a code with the wrong password', async () => {
      const { manager, secret } = await enrolled();
      expect((await authenticate({ email: manager.email, password: 'wrong password!!', code: totpCode(secret) }, address())).status).toBe('failed');
      const [row] = await db().select({ lastSignInAt: users.lastSignInAt }).from(users).where(eq(users.id, manager.id));
      expect(row!.lastSignInAt).toBeNull();
    });
  });
});
