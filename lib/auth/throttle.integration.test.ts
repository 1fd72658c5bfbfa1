import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createCareTeam, createUser, TEST_PASSWORD } from '@/db/factories';
import { executeRows } from '@/db/rows';
import { auditEvents, mfaRecoveryCodes } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { authenticate } from './credentials';
import { deviceNonceFor, issueDeviceCookie } from './device-cookie';
import * as password from './password';
import { hashRecoveryCode } from './second-factor';
import { sealSecret } from './secret-box';
import { ACCOUNT_THRESHOLD, CLIENT_THRESHOLD, accountKey, clientKey, pruneThrottle, reserveAttempt } from './throttle';
import { generateTotpSecret, totpCode } from './totp';

// A spy that counts how many attempts reach the password check; the real check still runs.
vi.mock('./password', async (importOriginal) => {
  const real = await importOriginal<typeof import('./password')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword), verifyAgainstDummy: vi.fn(real.verifyAgainstDummy) };
});
const passwordChecks = () => vi.mocked(password.verifyPassword).mock.calls.length + vi.mocked(password.verifyAgainstDummy).mock.calls.length;

const db = setupTestDatabase();
let counter = 0;
const address = () => `203.0.113.${(counter += 1) % 250}`;

beforeEach(() => {
  vi.mocked(password.verifyPassword).mockClear();
  vi.mocked(password.verifyAgainstDummy).mockClear();
});

async function row(key: string) {
  const rows = await executeRows<{ failures: number; delayed: boolean; minutes: number | null }>(
    db(),
    sql`select failures, coalesce(locked_until > now(), false) as delayed,
        round(extract(epoch from (locked_until - last_failure_at)) / 60)::int as minutes
        from auth_throttle where key = ${key}`,
  );
  return rows[0] ?? { failures: 0, delayed: false, minutes: null };
}

/** Ends the running delay of `key` as if its time had passed. */
async function waitOut(key: string) {
  await db().execute(sql`update auth_throttle set locked_until = now() - interval '1 second', last_failure_at = last_failure_at - interval '1 minute' where key = ${key}`);
}

async function enrolledManager() {
  const { clinic } = await createCareTeam(db());
  const secret = generateTotpSecret();
  const manager = await createUser(db(), clinic.id, 'manager', { mfaSecret: sealSecret(secret), mfaEnabledAt: new Date() });
  return { manager, secret };
}

describe('attempts sent at once', () => {
  it('after four failures, lets at most one of twenty simultaneous guesses reach the password check', async () => {
    const { patient } = await createCareTeam(db());
    for (let attempt = 0; attempt < ACCOUNT_THRESHOLD - 1; attempt += 1) {
      await authenticate({ email: patient.email, password: `wrong guess ${attempt}` }, address());
    }
    vi.mocked(password.verifyPassword).mockClear();
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, index) => authenticate({ email: patient.email, password: index === 19 ? TEST_PASSWORD : `burst guess ${index}` }, address())),
    );
    expect(passwordChecks()).toBeLessThanOrEqual(1);
    expect(burst.filter((outcome) => outcome.status === 'failed').length).toBeGreaterThanOrEqual(19);
    const reasons = await db().select({ detail: auditEvents.detail }).from(auditEvents).where(eq(auditEvents.actorId, patient.id));
    expect(reasons.filter((event) => event.detail?.reason === 'throttled')).toHaveLength(passwordChecks() === 1 ? 19 : 20);
  });

  it('holds for unknown emails too, so the delay does not reveal which accounts exist', async () => {
    const email = `nobody-${counter}@test.example`;
    for (let attempt = 0; attempt < ACCOUNT_THRESHOLD - 1; attempt += 1) await authenticate({ email, password: `wrong guess ${attempt}` }, address());
    vi.mocked(password.verifyAgainstDummy).mockClear();
    await Promise.all(Array.from({ length: 20 }, (_, index) => authenticate({ email, password: `burst ${index}` }, address())));
    expect(passwordChecks()).toBeLessThanOrEqual(1);
  });

  it('counts authenticator codes: twenty codes at once after four wrong ones reach the check at most once', async () => {
    const { manager, secret } = await enrolledManager();
    const wrong = () => String((Number(totpCode(secret)) + 500_000) % 1_000_000).padStart(6, '0');
    for (let attempt = 0; attempt < ACCOUNT_THRESHOLD - 1; attempt += 1) {
      expect((await authenticate({ email: manager.email, password: TEST_PASSWORD, code: wrong() }, address())).status).toBe('failed');
    }
    vi.mocked(password.verifyPassword).mockClear();
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, index) => authenticate({ email: manager.email, password: TEST_PASSWORD, code: index === 0 ? totpCode(secret) : wrong() }, address())),
    );
    expect(passwordChecks()).toBeLessThanOrEqual(1);
    expect(burst.filter((outcome) => outcome.status === 'ok').length).toBeLessThanOrEqual(1);
  });

  it('counts recovery codes the same way', async () => {
    const { manager } = await enrolledManager();
    await db().insert(mfaRecoveryCodes).values({ userId: manager.id, codeHash: await hashRecoveryCode('aaaa-bbbb-cccc-dddd') });
    for (let attempt = 0; attempt < ACCOUNT_THRESHOLD - 1; attempt += 1) {
      await authenticate({ email: manager.email, password: TEST_PASSWORD, recoveryCode: `zzzz-zzzz-zzzz-zzz${attempt}` }, address());
    }
    const before = await db().select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.actorId, manager.id));
    await Promise.all(Array.from({ length: 20 }, (_, index) => authenticate({ email: manager.email, password: TEST_PASSWORD, recoveryCode: `yyyy-yyyy-yyyy-yy${String(index).padStart(2, '2')}` }, address())));
    // Recovery codes are argon2 hashes too, so count the attempts let through rather than hash checks.
    const events = await db().select({ id: auditEvents.id, detail: auditEvents.detail }).from(auditEvents).where(eq(auditEvents.actorId, manager.id));
    const earlier = new Set(before.map((event) => event.id));
    const burst = events.filter((event) => !earlier.has(event.id));
    expect(burst).toHaveLength(20);
    expect(burst.filter((event) => event.detail?.reason !== 'throttled').length).toBeLessThanOrEqual(1);
  });

  it('reserves every key or none: a delayed address does not use up the account’s attempts', async () => {
    const ip = address();
    const keys = [accountKey('someone@test.example'), clientKey(ip)!];
    for (let attempt = 0; attempt < CLIENT_THRESHOLD; attempt += 1) expect(await reserveAttempt(db(), [clientKey(ip)!])).toBe(true);
    expect(await reserveAttempt(db(), keys)).toBe(false);
    expect((await row(accountKey('someone@test.example').key)).failures).toBe(0);
  });
});

describe('progressive delay, not a lock', () => {
  it('after five failures each guess must wait 1, 2, 4 … minutes, and guesses during the wait are not counted', async () => {
    const { patient } = await createCareTeam(db());
    const key = accountKey(patient.email).key;
    for (let attempt = 0; attempt < ACCOUNT_THRESHOLD; attempt += 1) await authenticate({ email: patient.email, password: `guess ${attempt}` }, address());
    expect(await row(key)).toMatchObject({ failures: 5, delayed: true, minutes: 1 });
    for (let attempt = 0; attempt < 10; attempt += 1) await authenticate({ email: patient.email, password: `hammer ${attempt}` }, address());
    expect(await row(key)).toMatchObject({ failures: 5, minutes: 1 });
    await waitOut(key);
    await authenticate({ email: patient.email, password: 'after the wait' }, address());
    expect(await row(key)).toMatchObject({ failures: 6, delayed: true, minutes: 2 });
    await waitOut(key);
    await authenticate({ email: patient.email, password: 'after the second wait' }, address());
    expect(await row(key)).toMatchObject({ failures: 7, minutes: 4 });
    await waitOut(key);
    // Once the wait is over the right password works, from any browser.
    expect((await authenticate({ email: patient.email, password: TEST_PASSWORD }, address())).status).toBe('ok');
  });

  it('a right password that still needs its code does not count, so the code step is not delayed', async () => {
    const { manager, secret } = await enrolledManager();
    const ip = address();
    for (let attempt = 0; attempt < ACCOUNT_THRESHOLD - 1; attempt += 1) await authenticate({ email: manager.email, password: `guess ${attempt}` }, ip);
    expect((await authenticate({ email: manager.email, password: TEST_PASSWORD }, ip)).status).toBe('mfa-required');
    expect((await row(accountKey(manager.email).key)).delayed).toBe(false);
    expect((await authenticate({ email: manager.email, password: TEST_PASSWORD, code: totpCode(secret) }, ip)).status).toBe('ok');
  });
});

describe('device cookies', () => {
  async function signedInBefore() {
    const { patient, clinic } = await createCareTeam(db());
    const outcome = await authenticate({ email: patient.email, password: TEST_PASSWORD }, address());
    if (outcome.status !== 'ok') throw new Error('sign-in failed');
    return { patient, clinic, device: outcome.device.value };
  }

  it('a browser that signed in before is not held back by a stranger’s guesses', async () => {
    const { patient, device } = await signedInBefore();
    for (let attempt = 0; attempt < 12; attempt += 1) await authenticate({ email: patient.email, password: `stranger ${attempt}` }, address());
    expect((await row(accountKey(patient.email).key)).delayed).toBe(true);
    // The stranger's browser (no cookie) is refused even with the right password…
    expect((await authenticate({ email: patient.email, password: TEST_PASSWORD }, address())).status).toBe('failed');
    // …the person's own browser signs in at once, and gets a fresh cookie.
    const own = await authenticate({ email: patient.email, password: TEST_PASSWORD }, address(), [device]);
    expect(own.status).toBe('ok');
    expect(own.status === 'ok' && own.device.value).not.toBe(device);
    // The stranger's count stays: their guesses remain delayed.
    expect((await row(accountKey(patient.email).key)).delayed).toBe(true);
  });

  it('a clinic behind one office address: a stranger spraying from it does not hold back staff browsers', async () => {
    const { clinic } = await createCareTeam(db());
    const office = address();
    const staff = await createUser(db(), clinic.id, 'clinician');
    const first = await authenticate({ email: staff.email, password: TEST_PASSWORD }, office);
    if (first.status !== 'ok') throw new Error('sign-in failed');
    for (let attempt = 0; attempt < CLIENT_THRESHOLD + 2; attempt += 1) await authenticate({ email: `spray-${counter}-${attempt}@test.example`, password: 'Summer2026!!' }, office);
    expect((await row(clientKey(office)!.key)).delayed).toBe(true);
    expect((await authenticate({ email: staff.email, password: TEST_PASSWORD }, office, [first.device.value])).status).toBe('ok');
  });

  it('an office’s own successful sign-ins never add up to a delay on its address', async () => {
    const { clinic } = await createCareTeam(db());
    const office = address();
    for (let person = 0; person < CLIENT_THRESHOLD + 5; person += 1) {
      const user = await createUser(db(), clinic.id, 'clinician');
      expect((await authenticate({ email: user.email, password: TEST_PASSWORD }, office)).status).toBe('ok');
    }
    expect((await row(clientKey(office)!.key)).failures).toBe(0);
  });

  it('the device has its own budget: five wrong passwords through it and it waits too', async () => {
    const { patient, device } = await signedInBefore();
    for (let attempt = 0; attempt < 5; attempt += 1) await authenticate({ email: patient.email, password: `through the device ${attempt}` }, address(), [device]);
    expect((await authenticate({ email: patient.email, password: TEST_PASSWORD }, address(), [device])).status).toBe('failed');
    // Those guesses did not touch the account's own key.
    expect((await row(accountKey(patient.email).key)).failures).toBe(0);
  });

  it('only a genuine cookie of this account counts: another account’s or an altered one does not', async () => {
    const { patient, clinic } = await signedInBefore();
    const other = await createUser(db(), clinic.id, 'patient');
    const othersCookie = issueDeviceCookie(other.id).value;
    const forged = issueDeviceCookie(patient.id).value.slice(0, -4) + 'AAAA';
    expect(deviceNonceFor(patient.id, [othersCookie, forged])).toBeNull();
    for (let attempt = 0; attempt < 6; attempt += 1) await authenticate({ email: patient.email, password: `stranger ${attempt}` }, address());
    expect((await authenticate({ email: patient.email, password: TEST_PASSWORD }, address(), [othersCookie, forged])).status).toBe('failed');
  });
});

describe('pruneThrottle', () => {
  it('deletes rows with nothing counted in the last hour and no delay running, and keeps the rest', async () => {
    await db().execute(sql`insert into auth_throttle (key, failures, locked_until, last_failure_at) values
      ('prune:old', 3, null, now() - interval '2 hours'),
      ('prune:old-delay-over', 9, now() - interval '1 minute', now() - interval '3 hours'),
      ('prune:old-delay-running', 9, now() + interval '5 minutes', now() - interval '2 hours'),
      ('prune:recent', 2, null, now() - interval '5 minutes')`);
    await pruneThrottle(db());
    const left = await executeRows<{ key: string }>(db(), sql`select key from auth_throttle where key like 'prune:%' order by key`);
    expect(left.map((entry) => entry.key)).toEqual(['prune:old-delay-running', 'prune:recent']);
  });
});
