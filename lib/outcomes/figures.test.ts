import { describe, expect, it } from 'vitest';
import { nprsBand } from '@/lib/clinical/nprs';
import { meanCi95 } from '@/lib/clinical/stats';
import { DEFINITIONS, MIN_REPORTABLE, SEVERITY_BANDS } from './definitions';
import { ciFromSummary, EMPTY_AGGREGATES, formatSigned, groupFigures, mcidShare, meanChange } from './figures';

const empty = EMPTY_AGGREGATES;

describe('ciFromSummary', () => {
  it('matches meanCi95 on the same values', () => {
    // 2, 4, 4, 5, 9: mean 4.8, SD √(26.8/4) = 2.5884, t(4) = 2.776 → 4.8 ± 3.2135.
    const values = [2, 4, 4, 5, 9];
    const sd = Math.sqrt(26.8 / 4);
    const ci = ciFromSummary(4.8, sd, 5);
    expect(ci.low).toBeCloseTo(1.5865, 3);
    expect(ci.high).toBeCloseTo(8.0135, 3);
    expect(ci).toEqual({ ...meanCi95(values)!, mean: 4.8 });
  });

  it('uses the normal value beyond 30 degrees of freedom', () => {
    expect(ciFromSummary(0, 1, 101).high).toBeCloseTo(1.96 / Math.sqrt(101), 10);
  });

  it('refuses fewer than two values and impossible spreads', () => {
    expect(() => ciFromSummary(1, 0, 1)).toThrow(RangeError);
    expect(() => ciFromSummary(1, -1, 5)).toThrow(RangeError);
  });
});

describe('small-group suppression', () => {
  it('reports a figure resting on exactly 5 episodes and suppresses 4', () => {
    const five = { ...empty, episodes: 9, discharged: 9, nprsDischargeN: 5, nprsDischargeMean: -2, nprsDischargeSd: 1, nprsMcidMet: 2 };
    expect(meanChange(five, 'nprs', 'discharge')).toMatchObject({ reportable: true, n: 5, mean: -2 });
    expect(mcidShare(five, 'nprs')).toEqual({ reportable: true, count: 2, n: 5, share: 0.4 });
    const four = { ...five, nprsDischargeN: 4 };
    expect(meanChange(four, 'nprs', 'discharge')).toEqual({ reportable: false });
    expect(mcidShare(four, 'nprs')).toEqual({ reportable: false });
  });

  it('suppresses every figure of a group of fewer than 5 episodes', () => {
    const small = { ...empty, episodes: MIN_REPORTABLE - 1, discharged: 4, weeksN: 4, weeksMedian: 6 };
    const figures = groupFigures(small);
    expect(Object.values(figures).every((figure) => figure.reportable === false)).toBe(true);
  });
});

describe('definitions', () => {
  it('bands baseline pain as lib/clinical does', () => {
    for (let score = 0; score <= 10; score += 1) {
      expect(SEVERITY_BANDS.find((band) => score <= band.upTo)?.band).toBe(nprsBand(score));
    }
  });

  it('states the MCID thresholds and the adherence rule', () => {
    const text = DEFINITIONS.map((definition) => definition.text).join(' ');
    expect(text).toContain('pain by 2 points or 30 %');
    expect(text).toContain('ODI by 10 points or 30 %');
    expect(text).toContain('Adherent = 80 %');
  });
});

describe('formatSigned', () => {
  it.each([
    [-1.6, '−1.6'],
    [2, '+2.0'],
    [-0.01, '0.0'],
  ])('%d → %s', (value, text) => expect(formatSigned(value)).toBe(text));
});
