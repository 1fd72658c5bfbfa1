import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam } from '@/db/factories';
import { mfaRecoveryCodes } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { generateRecoveryCodes, hashRecoveryCode, RECOVERY_CODE_LENGTH, useRecoveryCode } from './second-factor';

const db = setupTestDatabase();

describe('recovery codes', () => {
  it('carry 80 random bits: 16 symbols of a 32-symbol alphabet, all different', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/);
    expect(RECOVERY_CODE_LENGTH * Math.log2(32)).toBeGreaterThanOrEqual(80);
    // Every symbol turns up across many codes: no symbol is left out by the encoding.
    const seen = new Set(Array.from({ length: 40 }, () => generateRecoveryCodes().join('')).join('').replace(/-/g, ''));
    expect(seen.size).toBe(32);
  });

  it('are stored as argon2id hashes, never as the code or a fast hash of it', async () => {
    const [code] = generateRecoveryCodes();
    const stored = await hashRecoveryCode(code!);
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(stored).not.toContain(code!.replace(/-/g, ''));
    expect(stored).not.toContain(createHash('sha256').update(code!.replace(/-/g, '')).digest('hex'));
  });

  it('work once each, typed in any case, with or without dashes, with O for 0 and I or L for 1', async () => {
    const { patient } = await createCareTeam(db());
    await db().insert(mfaRecoveryCodes).values({ userId: patient.id, codeHash: await hashRecoveryCode('0123-4567-89ab-1111') });
    expect(await useRecoveryCode(db(), patient.id, 'O123 4567 89AB ILil')).toBe(true);
    expect(await useRecoveryCode(db(), patient.id, '0123-4567-89ab-1111')).toBe(false);
  });

  it('still accept a code made before they carried 80 bits, once, so nobody is locked out', async () => {
    const { patient } = await createCareTeam(db());
    const legacyHash = createHash('sha256').update('k3m9x2pq7hd4').digest('hex');
    await db().insert(mfaRecoveryCodes).values({ userId: patient.id, codeHash: legacyHash });
    expect(await useRecoveryCode(db(), patient.id, 'K3M9-X2PQ-7HD4')).toBe(true);
    expect(await useRecoveryCode(db(), patient.id, 'k3m9-x2pq-7hd4')).toBe(false);
    const [row] = await db().select({ usedAt: mfaRecoveryCodes.usedAt }).from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, patient.id));
    expect(row!.usedAt).not.toBeNull();
  });
});
