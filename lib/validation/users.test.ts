import { describe, expect, it } from 'vitest';
import { inviteStaffSchema, reassignSchema } from './users';

describe('inviteStaffSchema', () => {
  it('accepts a name, a lower-cased email and a staff role', () => {
    expect(inviteStaffSchema.parse({ name: ' Ria Das ', email: 'Ria@Example.com', role: 'clinician' })).toEqual({ name: 'Ria Das', email: 'ria@example.com', role: 'clinician' });
  });

  it.each([
    [{ name: '', email: 'a@b.co', role: 'clinician' }, 'name'],
    [{ name: 'x'.repeat(201), email: 'a@b.co', role: 'clinician' }, 'name'],
    [{ name: 'Nul\u0000', email: 'a@b.co', role: 'clinician' }, 'name'],
    [{ name: 'Ria', email: 'not-an-email', role: 'clinician' }, 'email'],
    [{ name: 'Ria', email: 'a@b.co', role: 'patient' }, 'role'],
  ])('rejects %j on %s', (input, field) => {
    const result = inviteStaffSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  it('rejects extra fields such as a clinic id', () => {
    expect(inviteStaffSchema.safeParse({ name: 'Ria', email: 'a@b.co', role: 'clinician', clinicId: 'x' }).success).toBe(false);
  });
});

describe('reassignSchema', () => {
  it('needs two uuids', () => {
    expect(reassignSchema.safeParse({ episodeId: 'abc', clinicianId: 'def' }).success).toBe(false);
  });
});
