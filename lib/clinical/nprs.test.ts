import { describe, expect, it } from 'vitest';
import { isValidNprs, NPRS_LOINC, NPRS_MCID, nprsBand, nprsImprovement } from './nprs';

describe('isValidNprs', () => {
  it.each([0, 1, 5, 9, 10])('accepts %s', (v) => {
    expect(isValidNprs(v)).toBe(true);
  });

  it.each([-1, 11, 2.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, '5', null, undefined, true, [5]])(
    'rejects %s',
    (v) => {
      expect(isValidNprs(v)).toBe(false);
    },
  );
});

describe('nprsBand', () => {
  it.each([
    [0, 'none'],
    [1, 'mild'],
    [3, 'mild'],
    [4, 'moderate'],
    [6, 'moderate'],
    [7, 'severe'],
    [10, 'severe'],
  ] as const)('%i is %s', (score, band) => {
    expect(nprsBand(score)).toBe(band);
  });

  it.each([-1, 11, 3.5, Number.NaN])('rejects %s', (score) => {
    expect(() => nprsBand(score)).toThrow(RangeError);
  });
});

describe('nprsImprovement', () => {
  it('uses the published thresholds', () => {
    expect(NPRS_MCID).toEqual({ points: 2, percent: 30 });
  });

  it('reports a 2-point fall as met', () => {
    expect(nprsImprovement(8, 6)).toEqual({ change: -2, percentChange: -25, met: true });
  });

  it('reports a 1-point fall under 30 % as not met', () => {
    expect(nprsImprovement(8, 7)).toEqual({ change: -1, percentChange: -12.5, met: false });
  });

  it('meets the percent threshold alone: 3 → 2 is a 33 % fall of 1 point', () => {
    const result = nprsImprovement(3, 2);
    expect(result.change).toBe(-1);
    expect(result.percentChange).toBeCloseTo(-33.333, 3);
    expect(result.met).toBe(true);
  });

  it('treats exactly 30 % as met without floating-point loss', () => {
    const result = nprsImprovement(10, 7);
    expect(result.percentChange).toBe(-30);
    expect(result.met).toBe(true);
  });

  it('is not met just under 30 % and under 2 points', () => {
    // 7 → 6 is 14 %; 4 → 3 is 25 %.
    expect(nprsImprovement(7, 6).met).toBe(false);
    expect(nprsImprovement(4, 3).met).toBe(false);
  });

  it('reports worsening as a positive change, never met', () => {
    expect(nprsImprovement(4, 7)).toEqual({ change: 3, percentChange: 75, met: false });
  });

  it('reports no change', () => {
    expect(nprsImprovement(5, 5)).toEqual({ change: 0, percentChange: 0, met: false });
  });

  it('has no percent change from a baseline of 0, and cannot be met from there', () => {
    expect(nprsImprovement(0, 0)).toEqual({ change: 0, percentChange: null, met: false });
    expect(nprsImprovement(0, 3)).toEqual({ change: 3, percentChange: null, met: false });
  });

  it('accepts averaged scores', () => {
    const result = nprsImprovement(6.5, 4.5);
    expect(result.change).toBe(-2);
    expect(result.met).toBe(true);
  });

  it.each([
    [-1, 5],
    [5, 11],
    [Number.NaN, 3],
  ])('rejects %s → %s', (baseline, latest) => {
    expect(() => nprsImprovement(baseline, latest)).toThrow(RangeError);
  });
});

it('carries the LOINC code for the 0–10 numeric rating', () => {
  expect(NPRS_LOINC).toBe('72514-3');
});
