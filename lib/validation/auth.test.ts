import { describe, expect, it } from 'vitest';
import { safeCallbackUrl, signInSchema } from './auth';

describe('safeCallbackUrl', () => {
  it.each([
    ['/patient', '/patient'],
    ['/clinician/patients/123', '/clinician/patients/123'],
    ['//evil.example/patient', '/'],
    ['https://evil.example/patient', '/'],
    ['/patient?x=1', '/'],
    ['/api/auth/signout', '/'],
    ['', '/'],
    [null, '/'],
  ])('%s -> %s', (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });
});

describe('signInSchema', () => {
  it('lower-cases and trims the email but never trims the password', () => {
    const parsed = signInSchema.parse({ email: '  Patient@Demo.TEST ', password: ' secret ' });
    expect(parsed.email).toBe('patient@demo.test');
    expect(parsed.password).toBe(' secret ');
  });

  it('rejects an empty password and a malformed email with field messages', () => {
    const result = signInSchema.safeParse({ email: 'nope', password: '' });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((issue) => issue.path[0]);
    expect(fields).toContain('email');
    expect(fields).toContain('password');
  });

  it('rejects passwords over 128 characters', () => {
    expect(signInSchema.safeParse({ email: 'a@b.test', password: 'x'.repeat(129) }).success).toBe(false);
  });
});
