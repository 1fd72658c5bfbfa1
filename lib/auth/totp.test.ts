import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, generateTotpSecret, hotp, matchTotp, otpauthUri, totpCode, totpStep } from './totp';

// RFC 6238 appendix B test secret (ASCII "12345678901234567890") and its SHA-1 vectors.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('RFC 4226 / 6238 vectors', () => {
  it('matches the HOTP vectors', () => {
    const secret = Buffer.from('12345678901234567890');
    expect([0, 1, 2, 3, 9].map((counter) => hotp(secret, counter))).toEqual(['755224', '287082', '359152', '969429', '520489']);
  });

  it('matches the TOTP vectors (last six digits)', () => {
    expect(totpCode(RFC_SECRET, 59_000)).toBe('287082');
    expect(totpCode(RFC_SECRET, 1_111_111_109_000)).toBe('081804');
    expect(totpCode(RFC_SECRET, 1_234_567_890_000)).toBe('005924');
    expect(totpCode(RFC_SECRET, 2_000_000_000_000)).toBe('279037');
  });
});

describe('matchTotp', () => {
  const now = 1_800_000_000_000;
  it('accepts the current code and one step either side, and returns the step', () => {
    const secret = generateTotpSecret();
    expect(matchTotp(secret, totpCode(secret, now), now)).toBe(totpStep(now));
    expect(matchTotp(secret, totpCode(secret, now - 30_000), now)).toBe(totpStep(now) - 1);
    expect(matchTotp(secret, totpCode(secret, now + 30_000), now)).toBe(totpStep(now) + 1);
  });

  it('refuses older codes, wrong codes and malformed input', () => {
    const secret = generateTotpSecret();
    expect(matchTotp(secret, totpCode(secret, now - 90_000), now)).toBeNull();
    const wrong = String((Number(totpCode(secret, now)) + 1) % 1_000_000).padStart(6, '0');
    expect(matchTotp(secret, wrong, now)).toBeNull();
    for (const bad of ['', '12345', '1234567', 'abcdef', '１２３４５６', '12 34 5x']) expect(matchTotp(secret, bad, now)).toBeNull();
  });

  it('ignores spaces people type between digit groups', () => {
    const secret = generateTotpSecret();
    const code = totpCode(secret, now);
    expect(matchTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(totpStep(now));
  });
});

describe('base32 and otpauth', () => {
  it('round-trips and builds the link apps read', () => {
    const bytes = Buffer.from('any bytes at all!');
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    expect(otpauthUri('ABC', 'sam@example.com')).toBe(
      'otpauth://totp/Uplift%3Asam%40example.com?secret=ABC&issuer=Uplift&algorithm=SHA1&digits=6&period=30',
    );
  });
});
