import { describe, expect, it } from 'vitest';
import { formatTenths, ratioToTenthsHalfUp, roundHalfUp1 } from './rounding';

describe('roundHalfUp1', () => {
  it.each([
    [35.55, 35.6],
    [35.54, 35.5],
    [35.5555, 35.6],
    [320 / 9, 35.6],
    [0.05, 0.1],
    [0.15, 0.2],
    [1.45, 1.5],
    [2.35, 2.4],
    [4.75, 4.8],
    [1.005, 1],
    [0.04, 0],
    [0, 0],
    [72.5, 72.5],
    [100, 100],
    [99.95, 100],
    [1e21, 1e21],
  ])('%s → %s', (x, expected) => {
    expect(roundHalfUp1(x)).toBe(expected);
  });

  it('rounds a value that floating-point arithmetic left just below the half', () => {
    const justBelow = 1.15 + 1.2;
    expect(justBelow).toBeLessThan(2.35);
    expect(roundHalfUp1(justBelow)).toBe(2.4);
  });

  it('rounds halves away from zero for negative changes', () => {
    expect(roundHalfUp1(-35.55)).toBe(-35.6);
    expect(roundHalfUp1(-0.04)).toBe(0);
    expect(Object.is(roundHalfUp1(-0.04), -0)).toBe(false);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('rejects %s', (x) => {
    expect(() => roundHalfUp1(x)).toThrow(RangeError);
  });
});

describe('ratioToTenthsHalfUp', () => {
  it.each([
    [16, 45, 4],
    [160, 45, 36],
    [1600, 45, 356],
    [1, 20, 1],
    [1, 21, 0],
    [0, 7, 0],
  ])('%i / %i → %i tenths', (n, d, tenths) => {
    expect(ratioToTenthsHalfUp(n, d)).toBe(tenths);
  });

  it('agrees with roundHalfUp1 on every ratio with a small denominator', () => {
    for (let d = 1; d <= 50; d += 1) {
      for (let n = 0; n <= 500; n += 1) {
        expect(ratioToTenthsHalfUp(n, d)).toBe(Math.round(roundHalfUp1(n / d) * 10));
      }
    }
  });

  it.each([
    [1.5, 2],
    [1, 0],
    [-1, 2],
  ])('rejects %s / %s', (n, d) => {
    expect(() => ratioToTenthsHalfUp(n, d)).toThrow(RangeError);
  });
});

describe('formatTenths', () => {
  it.each([
    [356, '35.6'],
    [0, '0.0'],
    [1000, '100.0'],
    [7, '0.7'],
    [-25, '-2.5'],
  ])('%i → %s', (tenths, text) => {
    expect(formatTenths(tenths)).toBe(text);
  });
});
