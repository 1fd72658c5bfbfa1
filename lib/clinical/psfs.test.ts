import { describe, expect, it } from 'vitest';
import { PSFS_MEANINGFUL_CHANGE, psfsActivityImprovement, psfsImprovement, scorePsfs } from './psfs';

describe('scorePsfs: docs/CLINICAL.md examples', () => {
  it.each([
    [[3, 4, 5], 4, '4.0'],
    [[2, 7, 4, 6, 5], 4.8, '4.8'],
    [[3, 4, 4], 3.7, '3.7'],
  ])('%j → %s', (ratings, score, display) => {
    expect(scorePsfs(ratings)).toEqual({ score, display });
  });
});

describe('scorePsfs: edge cases', () => {
  it.each([
    [[0, 0, 0], 0, '0.0'],
    [[10, 10, 10, 10, 10], 10, '10.0'],
    [[0, 0, 1], 0.3, '0.3'],
    [[1, 1, 0], 0.7, '0.7'],
    [[1, 2, 3, 4], 2.5, '2.5'],
    [[5, 5, 5, 5, 6], 5.2, '5.2'],
    [[9, 10, 10, 10], 9.8, '9.8'],
  ])('%j → %s', (ratings, score, display) => {
    expect(scorePsfs(ratings)).toEqual({ score, display });
  });

  it('rounds a mean ending in .x5 up', () => {
    // 4 activities: 1+1+1+2 = 5, mean 1.25 → 1.3; 2+2+2+3 = 9, mean 2.25 → 2.3.
    expect(scorePsfs([1, 1, 1, 2]).display).toBe('1.3');
    expect(scorePsfs([2, 2, 2, 3]).display).toBe('2.3');
    expect(scorePsfs([5, 6, 6, 6]).display).toBe('5.8');
  });

  it.each([[[5, 5]], [[1, 2, 3, 4, 5, 6]], [[]]])('rejects %j (needs 3–5 activities)', (ratings) => {
    expect(() => scorePsfs(ratings)).toThrow(RangeError);
  });

  it.each([[[3, 4, 11]], [[3, -1, 4]], [[3, 4.5, 4]], [[3, Number.NaN, 4]]])('rejects %j', (ratings) => {
    expect(() => scorePsfs(ratings)).toThrow(RangeError);
  });
});

describe('psfsImprovement', () => {
  it('uses the published thresholds', () => {
    expect(PSFS_MEANINGFUL_CHANGE).toEqual({ mean: 2, single: 3 });
  });

  it('is met by a rise of exactly 2 in the mean, despite binary fractions', () => {
    expect(psfsImprovement(3.7, 5.7)).toEqual({ change: 2, met: true });
    expect(psfsImprovement(4.1, 6.1)).toEqual({ change: 2, met: true });
  });

  it('is not met by a rise of 1.9', () => {
    expect(psfsImprovement(3.7, 5.6)).toEqual({ change: 1.9, met: false });
  });

  it('reports a fall as a negative change', () => {
    expect(psfsImprovement(6, 4.8)).toEqual({ change: -1.2, met: false });
  });

  it.each([
    [-0.1, 5],
    [5, 10.1],
    [Number.NaN, 5],
  ])('rejects %s → %s', (baseline, latest) => {
    expect(() => psfsImprovement(baseline, latest)).toThrow(RangeError);
  });
});

describe('psfsActivityImprovement', () => {
  it('is met by a single activity rising 3', () => {
    expect(psfsActivityImprovement(2, 5)).toEqual({ change: 3, met: true });
  });

  it('is not met by 2', () => {
    expect(psfsActivityImprovement(2, 4)).toEqual({ change: 2, met: false });
  });

  it('rejects ratings outside 0–10 or fractional', () => {
    expect(() => psfsActivityImprovement(2, 11)).toThrow(RangeError);
    expect(() => psfsActivityImprovement(2.5, 6)).toThrow(RangeError);
  });
});
