import { describe, expect, it } from 'vitest';
import { ODI_SECTIONS } from './instruments/odi-text';
import { ODI_MCID, ODI_SECTION_COUNT, odiBand, odiImprovement, roundHalfUp1, scoreOdi } from './odi';

const _ = null;

describe('scoreOdi: docs/CLINICAL.md examples', () => {
  it.each([
    ['all 0', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], '0.0', 'minimal'],
    ['all 5', [5, 5, 5, 5, 5, 5, 5, 5, 5, 5], '100.0', 'bed-bound'],
    ['2 1 2 1 2 2 1 2 3 2', [2, 1, 2, 1, 2, 2, 1, 2, 3, 2], '36.0', 'moderate'],
    ['all 1', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], '20.0', 'minimal'],
    ['3 2 3 2 2 1 1 – 1 1', [3, 2, 3, 2, 2, 1, 1, _, 1, 1], '35.6', 'moderate'],
    ['4 3 4 3 4 4 3 – 4 –', [4, 3, 4, 3, 4, 4, 3, _, 4, _], '72.5', 'crippled'],
  ] as const)('%s → %s %s', (_label, answers, display, band) => {
    const result = scoreOdi(answers);
    expect(result.display).toBe(display);
    expect(result.band).toBe(band);
  });

  it('keeps the exact score: 16/45 is 35.555…%', () => {
    const result = scoreOdi([3, 2, 3, 2, 2, 1, 1, _, 1, 1]);
    expect(result.score).toBeCloseTo(35.5556, 4);
    expect(result.score).not.toBe(35.6);
    expect(result.answered).toBe(9);
  });

  it('counts answered sections', () => {
    expect(scoreOdi([4, 3, 4, 3, 4, 4, 3, _, 4, _]).answered).toBe(8);
    expect(scoreOdi([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).answered).toBe(10);
  });

  it('gives no score with three sections skipped', () => {
    expect(scoreOdi([1, _, 2, _, 3, _, 1, 1, 1, 1])).toEqual({
      score: null,
      display: null,
      band: null,
      answered: 7,
    });
  });

  it('gives no score when everything is skipped', () => {
    expect(scoreOdi(Array.from({ length: 10 }, () => null))).toEqual({
      score: null,
      display: null,
      band: null,
      answered: 0,
    });
  });

  it('scores with exactly two skipped', () => {
    expect(scoreOdi([_, 5, 5, 5, 5, 5, 5, 5, 5, _]).display).toBe('100.0');
  });

  it.each([
    ['a 6', [6, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['a −1', [0, 0, 0, 0, -1, 0, 0, 0, 0, 0]],
    ['a fraction', [0, 0, 0, 2.5, 0, 0, 0, 0, 0, 0]],
    ['NaN', [0, 0, 0, 0, 0, 0, 0, 0, 0, Number.NaN]],
  ])('rejects %s', (_label, answers) => {
    expect(() => scoreOdi(answers)).toThrow(RangeError);
  });

  it.each([9, 11, 0])('rejects %i answers', (length) => {
    expect(() => scoreOdi(Array.from({ length }, () => 0))).toThrow(RangeError);
  });
});

describe('scoreOdi: bands on the exact score, upper-inclusive', () => {
  const withSum = (sum: number): number[] => {
    const answers = Array.from({ length: 10 }, () => 0);
    let left = sum;
    for (let i = 0; i < answers.length && left > 0; i += 1) {
      answers[i] = Math.min(5, left);
      left -= answers[i] ?? 0;
    }
    return answers;
  };

  it.each([
    [10, 'minimal'],
    [11, 'moderate'],
    [20, 'moderate'],
    [21, 'severe'],
    [30, 'severe'],
    [31, 'crippled'],
    [40, 'crippled'],
    [41, 'bed-bound'],
  ] as const)('sum %i of 50 is %s', (sum, band) => {
    expect(scoreOdi(withSum(sum)).band).toBe(band);
  });

  it('shows one decimal half-up for every possible answer pattern size', () => {
    for (const answered of [8, 9, 10]) {
      for (let sum = 0; sum <= 5 * answered; sum += 1) {
        const answers: (number | null)[] = withSum(sum).slice(0, answered);
        while (answers.length < 10) answers.push(null);
        const { score, display } = scoreOdi(answers);
        expect(score).not.toBeNull();
        expect(display).toBe(roundHalfUp1(score ?? Number.NaN).toFixed(1));
      }
    }
  });
});

describe('odiBand', () => {
  it.each([
    [0, 'minimal'],
    [20, 'minimal'],
    [20.04, 'moderate'],
    [40, 'moderate'],
    [40.000001, 'severe'],
    [60, 'severe'],
    [80, 'crippled'],
    [80.5, 'bed-bound'],
    [100, 'bed-bound'],
  ] as const)('%s is %s', (score, band) => {
    expect(odiBand(score)).toBe(band);
  });

  it('bands on the exact value even when the display rounds onto a limit', () => {
    expect(roundHalfUp1(20.04)).toBe(20);
    expect(odiBand(20.04)).toBe('moderate');
  });

  it.each([-0.1, 100.1, Number.NaN])('rejects %s', (score) => {
    expect(() => odiBand(score)).toThrow(RangeError);
  });
});

describe('odiImprovement', () => {
  it('uses the published thresholds', () => {
    expect(ODI_MCID).toEqual({ points: 10, percent: 30 });
  });

  it('is met by a 10-point fall', () => {
    expect(odiImprovement(50, 40)).toEqual({ change: -10, percentChange: -20, met: true });
  });

  it('is met by a 30 % fall of fewer than 10 points', () => {
    expect(odiImprovement(30, 21)).toEqual({ change: -9, percentChange: -30, met: true });
  });

  it('is not met by 8 points from 30 (27 %)', () => {
    expect(odiImprovement(30, 22).met).toBe(false);
  });

  it('meets 10 points between exact ninths despite floating-point noise', () => {
    expect(odiImprovement(320 / 9, 230 / 9).met).toBe(true);
  });

  it('has no percent change from 0', () => {
    expect(odiImprovement(0, 10)).toEqual({ change: 10, percentChange: null, met: false });
  });

  it.each([
    [-1, 10],
    [10, 101],
  ])('rejects %s → %s', (baseline, latest) => {
    expect(() => odiImprovement(baseline, latest)).toThrow(RangeError);
  });
});

describe('ODI instrument text', () => {
  it(`has ${ODI_SECTION_COUNT} sections in published order with six options each`, () => {
    expect(ODI_SECTIONS.map((section) => section.key)).toEqual([
      'pain-intensity',
      'personal-care',
      'lifting',
      'walking',
      'sitting',
      'standing',
      'sleeping',
      'sex-life',
      'social-life',
      'travelling',
    ]);
    for (const section of ODI_SECTIONS) {
      expect(section.options).toHaveLength(6);
      expect(new Set(section.options).size).toBe(6);
      expect(section.title.length).toBeGreaterThan(0);
    }
  });
});
