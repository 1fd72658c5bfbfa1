import { describe, expect, it } from 'vitest';
import { checkNewPassword } from './password-policy';

describe('checkNewPassword', () => {
  it('accepts a long passphrase with no composition rules', () => {
    expect(checkNewPassword('walking the dog by the river')).toBeNull();
    expect(checkNewPassword('all lower case words here')).toBeNull();
  });

  it('counts characters, not UTF-16 units, and never trims', () => {
    expect(checkNewPassword('        abc ')).toBeNull();
    expect(checkNewPassword('ábcdéfghíjk')).toMatch(/at least 12/);
    expect(checkNewPassword('🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙃')).toBeNull();
  });

  it('refuses short, over-long, common and repeated passwords', () => {
    expect(checkNewPassword('short-pass1')).toMatch(/at least 12/);
    expect(checkNewPassword('x'.repeat(129) + 'y')).toMatch(/at most 128/);
    expect(checkNewPassword('Password1234')).toMatch(/too common/);
    expect(checkNewPassword('zzzzzzzzzzzzzz')).toMatch(/too common|repeated/);
    expect(checkNewPassword('q'.repeat(20))).toMatch(/repeated/);
  });

  it('refuses common words padded with digits and symbols, and digits alone', () => {
    for (const weak of ['Password2026!!', 'qwertyqwerty1', 'Welcome@123456', 'letmein letmein', '20262026202620', 'Liverpool1892!', 'summer-winter-99']) {
      expect(checkNewPassword(weak), weak).toMatch(/too common/);
    }
    for (const fine of ['password is not my thing', 'summer rain on the patio', 'Kettle-Lamp-Orchard-42']) {
      expect(checkNewPassword(fine), fine).toBeNull();
    }
  });

  it('refuses a password containing the email name', () => {
    expect(checkNewPassword('jamie.taylor-is-great', { email: 'jamie.taylor@example.com' })).toMatch(/email/);
  });
});
