import { describe, expect, it } from 'vitest';
import { lowerIsBetterImprovement } from './improvement';

const range = { min: 0, max: 50, name: 'Test' };
const mcid = { points: 10, percent: 30 };

describe('lowerIsBetterImprovement', () => {
  it('is met by points alone', () => {
    expect(lowerIsBetterImprovement(50, 40, mcid, range)).toEqual({ change: -10, percentChange: -20, met: true });
  });

  it('is met by percent alone', () => {
    expect(lowerIsBetterImprovement(20, 14, mcid, range)).toEqual({ change: -6, percentChange: -30, met: true });
  });

  it('is not met just short of both', () => {
    expect(lowerIsBetterImprovement(40, 31, mcid, range).met).toBe(false);
  });

  it('never counts a rise', () => {
    expect(lowerIsBetterImprovement(10, 30, mcid, range)).toEqual({ change: 20, percentChange: 200, met: false });
  });

  it('has no percent from a zero baseline', () => {
    expect(lowerIsBetterImprovement(0, 0, mcid, range)).toEqual({ change: 0, percentChange: null, met: false });
  });

  it('names the scale in its range error', () => {
    expect(() => lowerIsBetterImprovement(51, 0, mcid, range)).toThrow('Test scores must be between 0 and 50.');
    expect(() => lowerIsBetterImprovement(10, Number.NaN, mcid, range)).toThrow(RangeError);
  });
});
