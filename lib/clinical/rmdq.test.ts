import { describe, expect, it } from 'vitest';
import { describeRmdqChange, RMDQ_MCID, RMDQ_MCID_TEXT, RMDQ_NOTICE, RMDQ_STATEMENTS, rmdqImprovement, rmdqMcidLevel, scoreRmdq } from './rmdq';

const ticks = (count: number): boolean[] => Array.from({ length: 24 }, (_, index) => index < count);

describe('scoreRmdq', () => {
  it.each([0, 1, 7, 23, 24])('counts %i ticked statements', (count) => {
    expect(scoreRmdq(ticks(count))).toBe(count);
  });

  it('counts ticks wherever they are', () => {
    const answers = ticks(0);
    answers[0] = true;
    answers[11] = true;
    answers[23] = true;
    expect(scoreRmdq(answers)).toBe(3);
  });

  it.each([23, 25, 0])('rejects %i answers', (length) => {
    expect(() => scoreRmdq(Array.from({ length }, () => true))).toThrow(RangeError);
  });

  it('rejects a non-boolean answer', () => {
    const answers = ticks(3) as unknown[];
    answers[5] = 'yes';
    expect(() => scoreRmdq(answers as boolean[])).toThrow(RangeError);
  });
});

describe('rmdqImprovement', () => {
  it('uses the published thresholds', () => {
    expect(RMDQ_MCID).toEqual({ points: 5, percent: 30 });
  });

  it('is met by a 5-point fall', () => {
    expect(rmdqImprovement(20, 15)).toEqual({ change: -5, percentChange: -25, met: true });
  });

  it('is met by a 30 % fall of fewer than 5 points', () => {
    expect(rmdqImprovement(10, 7)).toEqual({ change: -3, percentChange: -30, met: true });
  });

  it('is not met by 4 points from 20', () => {
    expect(rmdqImprovement(20, 16)).toEqual({ change: -4, percentChange: -20, met: false });
  });

  it('has no percent change from 0', () => {
    expect(rmdqImprovement(0, 2)).toEqual({ change: 2, percentChange: null, met: false });
  });

  it.each([
    [-1, 3],
    [3, 25],
    [3.5, 2],
  ])('rejects %s → %s', (baseline, latest) => {
    expect(() => rmdqImprovement(baseline, latest)).toThrow(RangeError);
  });
});

describe('RMDQ content', () => {
  it('has 24 distinct short statements and a notice', () => {
    expect(RMDQ_STATEMENTS).toHaveLength(24);
    expect(new Set(RMDQ_STATEMENTS).size).toBe(24);
    for (const statement of RMDQ_STATEMENTS) expect(statement.length).toBeLessThanOrEqual(90);
    expect(RMDQ_NOTICE).toMatch(/paraphrase/);
  });
});

describe('describeRmdqChange', () => {
  it.each([
    [15, 9, 'Down 6 points (40 %) from 15: a meaningful improvement.', true],
    [20, 15, 'Down 5 points (25 %) from 20: a meaningful improvement.', true],
    [10, 7, 'Down 3 points (30 %) from 10: a meaningful improvement.', true],
    [20, 16, 'Down 4 points (20 %) from 20: not yet a meaningful improvement.', false],
    [6, 11, 'Up 5 points (83 %) from 6: not yet a meaningful improvement.', false],
    [8, 8, 'No change from 8: not yet a meaningful improvement.', false],
    [0, 1, 'Up 1 point from 0: not yet a meaningful improvement.', false],
  ])('%i → %i reads "%s"', (baseline, latest, text, met) => {
    expect(describeRmdqChange(baseline, latest)).toEqual({ text, met });
  });

  it('states the rule in words', () => {
    expect(RMDQ_MCID_TEXT).toBe('A meaningful improvement is a fall of 5 points or 30 % from the first score.');
  });
});

describe('rmdqMcidLevel', () => {
  it.each([
    [20, 15],
    [15, 10.5],
    [10, 7],
    [0, 0],
  ])('baseline %i → reach %d', (baseline, level) => {
    expect(rmdqMcidLevel(baseline)).toBe(level);
  });
});
