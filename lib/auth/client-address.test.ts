import { describe, expect, it } from 'vitest';
import { clientAddressFrom } from './client-address';

describe('clientAddressFrom', () => {
  it('takes the hop the nearest proxy added, not what the client claimed', () => {
    expect(clientAddressFrom(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientAddressFrom(new Headers({ 'x-forwarded-for': '203.0.113.7' }))).toBe('203.0.113.7');
  });

  it('falls back to X-Real-IP, else nothing, and bounds the length', () => {
    expect(clientAddressFrom(new Headers({ 'x-real-ip': '198.51.100.4' }))).toBe('198.51.100.4');
    expect(clientAddressFrom(new Headers())).toBeNull();
    expect(clientAddressFrom(undefined)).toBeNull();
    expect(clientAddressFrom(new Headers({ 'x-forwarded-for': 'x'.repeat(500) }))!.length).toBe(64);
  });
});
