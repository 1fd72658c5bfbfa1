import { describe, expect, it } from 'vitest';
import {
  describePsfsChange,
  PSFS_MEANINGFUL_CHANGE,
  PSFS_MEANINGFUL_CHANGE_TEXT,
  psfsActivityImprovement,
  psfsChange,
  psfsImprovement,
  scorePsfs,
} from './psfs';

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

describe('psfsChange', () => {
  const first = [
    { name: 'Putting on socks', rating: 2 },
    { name: 'Walking to the shops', rating: 4 },
    { name: 'Gardening', rating: 5 },
  ];

  it('meets the rule when the mean rises by 2', () => {
    const change = psfsChange(first, [
      { name: 'Putting on socks', rating: 4 },
      { name: 'walking to the shops ', rating: 6 },
      { name: 'Gardening', rating: 7 },
    ]);
    expect(change).toMatchObject({ first: 3.7, latest: 5.7, meanChange: 2, meanMet: true, met: true });
    expect(change.activities.map((activity) => [activity.change, activity.met])).toEqual([
      [2, false],
      [2, false],
      [2, false],
    ]);
  });

  it('meets the rule when one activity rises by 3 though the mean rises less than 2', () => {
    const change = psfsChange(first, [
      { name: 'Putting on socks', rating: 5 },
      { name: 'Walking to the shops', rating: 4 },
      { name: 'Gardening', rating: 5 },
    ]);
    expect(change).toMatchObject({ meanChange: 1, meanMet: false, met: true });
    expect(change.activities[0]).toEqual({ name: 'Putting on socks', first: 2, latest: 5, change: 3, met: true });
  });

  it('does not meet it for smaller rises or a fall, and leaves out activities rated only once', () => {
    const change = psfsChange(first, [
      { name: 'Putting on socks', rating: 4 },
      { name: 'Walking to the shops', rating: 3 },
      { name: 'Cycling', rating: 9 },
    ]);
    expect(change.met).toBe(false);
    expect(change.activities.map((activity) => activity.name)).toEqual(['Putting on socks', 'Walking to the shops']);
    expect(describePsfsChange(change)).toEqual({
      mean: 'Average 3.7 → 5.3 (+1.6)',
      activities: ['Putting on socks: 2 → 4 (+2)', 'Walking to the shops: 4 → 3 (−1)'],
      verdict: 'not yet a meaningful change',
    });
  });

  it('states the rule in words', () => {
    expect(PSFS_MEANINGFUL_CHANGE_TEXT).toBe('A meaningful change is the average up 2 points, or one activity up 3.');
  });
});
