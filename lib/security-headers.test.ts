import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, wantsHsts } from './security-headers';

describe('contentSecurityPolicy', () => {
  it('allows scripts only with the nonce and forbids framing, plugins and base changes', () => {
    const policy = contentSecurityPolicy('abc123', { dev: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('adds eval only for the development server', () => {
    expect(contentSecurityPolicy('n', { dev: true })).toContain("'unsafe-eval'");
  });
});

describe('newNonce', () => {
  it('is fresh and has 128 bits', () => {
    const a = newNonce();
    expect(Buffer.from(a, 'base64')).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});

describe('wantsHsts', () => {
  it.each([
    [true, 'https:', null, true],
    [true, 'http:', 'https', true],
    [true, 'http:', 'https, http', true],
    [true, 'http:', null, false],
    [true, 'http:', 'http', false],
    [false, 'https:', 'https', false],
  ] as const)('production=%s protocol=%s forwarded=%s → %s', (production, protocol, forwarded, expected) => {
    expect(wantsHsts(production, protocol, forwarded)).toBe(expected);
  });
});
