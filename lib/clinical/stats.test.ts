import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../time/days';
import { mean, meanCi95, median, rollingAverage, T_CRITICAL_95, tCritical95 } from './stats';

describe('median', () => {
  it.each([
    [[4, 4, 5, 4, 4, 5, 4], 4],
    [[3], 3],
    [[1, 3], 2],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
    [[-2, 10, 0], 0],
    [[7, 7, 7, 7], 7],
  ])('%j → %s', (xs, expected) => {
    expect(median(xs)).toBe(expected);
  });

  it('does not reorder its input', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });

  it('rejects an empty list or non-finite values', () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => median([1, Number.NaN])).toThrow(RangeError);
  });
});

describe('mean', () => {
  it.each([
    [[3, 4, 5], 4],
    [[2, 7, 4, 6, 5], 4.8],
    [[1, 2], 1.5],
    [[0], 0],
  ])('%j → %s', (xs, expected) => {
    expect(mean(xs)).toBeCloseTo(expected, 12);
  });

  it('rejects an empty list', () => {
    expect(() => mean([])).toThrow(RangeError);
  });
});

describe('rollingAverage', () => {
  it('gives what the definition gives, for random diaries with gaps and several entries a day', () => {
    // The definition, directly: for each day with entries, the mean of every entry 0..window-1 days earlier.
    const naive = (points: { day: string; score: number }[], windowDays: number) =>
      [...new Set(points.map((point) => point.day))].sort().map((day) => {
        const inWindow = points.filter((point) => {
          const age = daysBetween(point.day, day);
          return age >= 0 && age < windowDays;
        });
        return { day, average: mean(inWindow.map((point) => point.score)), count: inWindow.length };
      });
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 50; trial += 1) {
      const points = Array.from({ length: 1 + Math.floor(random() * 60) }, () => ({
        day: addDays('2025-12-20', Math.floor(random() * 40)),
        score: Math.floor(random() * 11),
      }));
      const windowDays = 1 + Math.floor(random() * 10);
      // The implementation sorts by day only, so within a day the order of the input decides the summation order.
      const byDay = [...points].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
      expect(rollingAverage(points, windowDays)).toEqual(naive(byDay, windowDays));
    }
  });

  it('averages over calendar days, not points', () => {
    const points = [
      { day: '2025-03-01', score: 8 },
      { day: '2025-03-02', score: 6 },
      { day: '2025-03-10', score: 2 },
      { day: '2025-03-11', score: 4 },
    ];
    expect(rollingAverage(points)).toEqual([
      { day: '2025-03-01', average: 8, count: 1 },
      { day: '2025-03-02', average: 7, count: 2 },
      // 03-10's window is 03-04..03-10: the early March scores are out of it.
      { day: '2025-03-10', average: 2, count: 1 },
      { day: '2025-03-11', average: 3, count: 2 },
    ]);
  });

  it('includes the day exactly windowDays − 1 before and excludes the one windowDays before', () => {
    const points = [
      { day: '2025-01-01', score: 10 },
      { day: '2025-01-02', score: 4 },
      { day: '2025-01-08', score: 2 },
    ];
    const last = rollingAverage(points).at(-1);
    expect(last).toEqual({ day: '2025-01-08', average: 3, count: 2 });
  });

  it('honours a custom window and sorts its input', () => {
    const points = [
      { day: '2025-01-03', score: 6 },
      { day: '2025-01-01', score: 2 },
      { day: '2025-01-02', score: 4 },
    ];
    expect(rollingAverage(points, 2)).toEqual([
      { day: '2025-01-01', average: 2, count: 1 },
      { day: '2025-01-02', average: 3, count: 2 },
      { day: '2025-01-03', average: 5, count: 2 },
    ]);
  });

  it('crosses month and year ends and DST changes by calendar day', () => {
    const points = [
      { day: '2024-12-30', score: 2 },
      { day: '2025-01-02', score: 6 },
      { day: '2025-03-29', score: 1 },
      { day: '2025-03-31', score: 3 },
    ];
    const result = rollingAverage(points, 4);
    expect(result[1]).toEqual({ day: '2025-01-02', average: 4, count: 2 });
    expect(result[3]).toEqual({ day: '2025-03-31', average: 2, count: 2 });
  });

  it('gives one point per day when a day has several scores', () => {
    const points = [
      { day: '2025-01-01', score: 2 },
      { day: '2025-01-01', score: 4 },
    ];
    expect(rollingAverage(points)).toEqual([{ day: '2025-01-01', average: 3, count: 2 }]);
  });

  it('returns nothing for nothing and rejects a bad window', () => {
    expect(rollingAverage([])).toEqual([]);
    expect(() => rollingAverage([], 0)).toThrow(RangeError);
    expect(() => rollingAverage([], 1.5)).toThrow(RangeError);
  });
});

describe('tCritical95', () => {
  it('has 30 table values falling towards 1.96', () => {
    expect(T_CRITICAL_95).toHaveLength(30);
    for (let i = 1; i < T_CRITICAL_95.length; i += 1) {
      expect(T_CRITICAL_95[i]).toBeLessThan(T_CRITICAL_95[i - 1] ?? 0);
    }
  });

  it.each([
    [1, 12.706],
    [4, 2.776],
    [9, 2.262],
    [29, 2.045],
    [30, 2.042],
    [31, 1.96],
    [1000, 1.96],
  ])('df %i → %s', (df, t) => {
    expect(tCritical95(df)).toBe(t);
  });

  it('rejects df below 1', () => {
    expect(() => tCritical95(0)).toThrow(RangeError);
  });
});

describe('meanCi95', () => {
  it('is null below two values', () => {
    expect(meanCi95([])).toBeNull();
    expect(meanCi95([5])).toBeNull();
  });

  it('uses t for small samples: [1..5]', () => {
    // mean 3, s = √2.5, se = √0.5, t(4) = 2.776 → ±1.9630
    const ci = meanCi95([1, 2, 3, 4, 5]);
    expect(ci?.n).toBe(5);
    expect(ci?.mean).toBe(3);
    expect(ci?.low).toBeCloseTo(1.037, 3);
    expect(ci?.high).toBeCloseTo(4.963, 3);
  });

  it('uses t(1) for two values', () => {
    // mean 3, s = √2, se = 1, t(1) = 12.706
    const ci = meanCi95([2, 4]);
    expect(ci?.low).toBeCloseTo(3 - 12.706, 6);
    expect(ci?.high).toBeCloseTo(3 + 12.706, 6);
  });

  it('uses 1.96 beyond 30 degrees of freedom', () => {
    const xs = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 4 : 6));
    // mean 5, s² = 40/39, se = √(40/39)/√40
    const ci = meanCi95(xs);
    const halfWidth = (1.96 * Math.sqrt(40 / 39)) / Math.sqrt(40);
    expect(ci?.low).toBeCloseTo(5 - halfWidth, 10);
    expect(ci?.high).toBeCloseTo(5 + halfWidth, 10);
  });

  it('collapses to the mean with no spread', () => {
    expect(meanCi95([4, 4, 4])).toEqual({ mean: 4, low: 4, high: 4, n: 3 });
  });
});
