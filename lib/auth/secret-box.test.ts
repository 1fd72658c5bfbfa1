import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './secret-box';

describe('secret box', () => {
  it('round-trips and never stores the plain text', () => {
    const sealed = sealSecret('JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(sealSecret('JBSWY3DPEHPK3PXP')).not.toBe(sealed);
  });

  it('refuses altered or malformed values', () => {
    const sealed = sealSecret('JBSWY3DPEHPK3PXP');
    const parts = sealed.split('.');
    const flipped = parts[3]!.startsWith('A') ? `B${parts[3]!.slice(1)}` : `A${parts[3]!.slice(1)}`;
    expect(openSecret([parts[0], parts[1], parts[2], flipped].join('.'))).toBeNull();
    expect(openSecret('JBSWY3DPEHPK3PXP')).toBeNull();
    expect(openSecret('v2.a.b.c')).toBeNull();
  });
});
