import { describe, expect, it } from 'vitest';
import { ageOn, odiMcidLevel } from './record-figures';

describe('ageOn', () => {
  it('counts whole years, turning on the birthday', () => {
    expect(ageOn('1978-04-12', '2026-04-11')).toBe(47);
    expect(ageOn('1978-04-12', '2026-04-12')).toBe(48);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
    expect(ageOn(null, '2026-03-01')).toBeNull();
  });
});

describe('odiMcidLevel', () => {
  it('uses 30 % below a baseline of 33.3 and 10 points above it', () => {
    expect(odiMcidLevel(20)).toBe(14);
    expect(odiMcidLevel(50)).toBe(40);
    expect(odiMcidLevel(36)).toBe(26);
    expect(odiMcidLevel(0)).toBe(0);
  });
  it('refuses impossible scores', () => {
    expect(() => odiMcidLevel(101)).toThrow(RangeError);
    expect(() => odiMcidLevel(Number.NaN)).toThrow(RangeError);
  });
});
