import { describe, expect, it } from 'vitest';
import {
  ALERT_REASON_ORDER,
  ALERT_REASONS,
  ALERT_REASON_CODES,
  type DailyPain,
  dailyMaxPain,
  isInactive,
  isLowAdherence,
  isSeverePain,
  isWorsening,
  questionnaireWorsening,
  type QuestionnaireInstrument,
  worseningBaseline,
} from './alerts';
import { addDays } from '../time/days';

/** Consecutive days starting 2025-03-01; null leaves a day out. */
function series(scores: ReadonlyArray<number | null>, start = '2025-03-01'): { days: DailyPain[]; today: string } {
  const days: DailyPain[] = [];
  scores.forEach((score, index) => {
    if (score !== null) days.push({ day: addDays(start, index), score });
  });
  return { days, today: addDays(start, scores.length - 1) };
}

describe('dailyMaxPain', () => {
  const entries = [
    { recordedAt: new Date('2025-03-01T23:30:00Z'), score: 3 },
    { recordedAt: new Date('2025-03-02T00:30:00Z'), score: 6 },
    { recordedAt: new Date('2025-03-02T12:00:00Z'), score: 4 },
  ];

  it('takes the highest score per calendar day in the patient time zone', () => {
    expect(dailyMaxPain(entries, 'Europe/London')).toEqual([
      { day: '2025-03-01', score: 3 },
      { day: '2025-03-02', score: 6 },
    ]);
  });

  it('puts late-evening entries on the local day, not the UTC day', () => {
    expect(dailyMaxPain(entries, 'America/New_York')).toEqual([
      { day: '2025-03-01', score: 6 },
      { day: '2025-03-02', score: 4 },
    ]);
    expect(dailyMaxPain(entries, 'Asia/Tokyo')).toEqual([{ day: '2025-03-02', score: 6 }]);
  });

  it('sorts days whatever the input order', () => {
    const shuffled = [
      { recordedAt: new Date('2025-03-05T10:00:00Z'), score: 2 },
      { recordedAt: new Date('2025-03-03T10:00:00Z'), score: 5 },
      { recordedAt: new Date('2025-03-04T10:00:00Z'), score: 0 },
    ];
    expect(dailyMaxPain(shuffled, 'UTC').map((day) => day.day)).toEqual(['2025-03-03', '2025-03-04', '2025-03-05']);
  });

  it('keeps a day whose highest score is 0', () => {
    expect(dailyMaxPain([{ recordedAt: new Date('2025-03-03T10:00:00Z'), score: 0 }], 'UTC')).toEqual([
      { day: '2025-03-03', score: 0 },
    ]);
  });

  it('handles the day clocks change', () => {
    // New York springs forward on 2025-03-09; 04:30 UTC that day is still 23:30 on the 8th locally.
    const result = dailyMaxPain(
      [
        { recordedAt: new Date('2025-03-09T04:30:00Z'), score: 7 },
        { recordedAt: new Date('2025-03-10T03:30:00Z'), score: 2 },
      ],
      'America/New_York',
    );
    expect(result).toEqual([
      { day: '2025-03-08', score: 7 },
      { day: '2025-03-09', score: 2 },
    ]);
  });

  it('returns nothing for no entries', () => {
    expect(dailyMaxPain([], 'UTC')).toEqual([]);
  });

  it('rejects an invalid score, date or time zone', () => {
    expect(() => dailyMaxPain([{ recordedAt: new Date(), score: 11 }], 'UTC')).toThrow(RangeError);
    expect(() => dailyMaxPain([{ recordedAt: new Date('nonsense'), score: 1 }], 'UTC')).toThrow(RangeError);
    expect(() => dailyMaxPain([{ recordedAt: new Date(), score: 1 }], 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('worsening: the docs/CLINICAL.md example', () => {
  it('[4,4,5,4,4,5,4] then [6,6,7] is worsening with B = 4', () => {
    const { days, today } = series([4, 4, 5, 4, 4, 5, 4, 6, 6, 7]);
    expect(isWorsening(days, today, 4)).toEqual({ worsening: true, baseline: 4, lastThree: [6, 6, 7] });
  });

  it('[4,4,5,4,4,5,4] then [6,5,7] is not', () => {
    const { days, today } = series([4, 4, 5, 4, 4, 5, 4, 6, 5, 7]);
    expect(isWorsening(days, today, 4)).toEqual({ worsening: false, baseline: 4, lastThree: [6, 5, 7] });
  });
});

describe('worsening: the run', () => {
  it('is broken by a day with no entry', () => {
    const { days, today } = series([4, 4, 5, 4, 4, 5, 4, 6, null, 7]);
    expect(isWorsening(days, today, 4)).toEqual({ worsening: false, baseline: 4, lastThree: [6, 7] });
  });

  it('needs an entry today', () => {
    const { days, today } = series([4, 4, 5, 4, 4, 5, 4, 6, 6, null]);
    expect(isWorsening(days, today, 4).worsening).toBe(false);
  });

  it('is not judged on an earlier run when today is later', () => {
    const { days } = series([4, 4, 5, 4, 4, 5, 4, 6, 6, 7]);
    expect(isWorsening(days, '2025-03-11', 4).worsening).toBe(false);
  });

  it('counts exactly B + 2 as worse', () => {
    const { days, today } = series([3, 3, 3, 3, 3, 3, 3, 5, 5, 5]);
    expect(isWorsening(days, today, 3)).toMatchObject({ worsening: true, baseline: 3 });
  });

  it('ignores days after today', () => {
    const { days } = series([4, 4, 5, 4, 4, 5, 4, 6, 6, 7, 0, 0]);
    expect(isWorsening(days, '2025-03-10', 4).worsening).toBe(true);
  });
});

describe('worseningBaseline', () => {
  it('is the median of the 7 days before the last 3', () => {
    // Days 1–7 are the baseline window; day 0 (before it) must not count.
    const { days, today } = series([10, 1, 1, 2, 2, 3, 3, 3, 9, 9, 9]);
    expect(worseningBaseline(days, today, 5)).toBe(2);
  });

  it('ignores the last 3 days themselves', () => {
    const { days, today } = series([2, 2, 2, 2, 2, 2, 2, 10, 10, 10]);
    expect(worseningBaseline(days, today, 0)).toBe(2);
  });

  it('averages the middle pair of an even count', () => {
    const { days, today } = series([null, null, null, 3, 4, 6, 7, 9, 9, 9]);
    expect(worseningBaseline(days, today, 0)).toBe(5);
  });

  it('gives a half-point baseline so B + 2 needs the next whole number', () => {
    const { days, today } = series([null, null, null, 3, 4, 5, 6, 6, 7, 7]);
    expect(isWorsening(days, today, 0)).toEqual({ worsening: false, baseline: 4.5, lastThree: [6, 7, 7] });
  });

  it('uses exactly 3 values when only 3 are logged', () => {
    const { days, today } = series([null, 2, null, 6, null, 3, null, 8, 8, 8]);
    expect(worseningBaseline(days, today, 7)).toBe(3);
  });

  it('falls back to the intake NPRS with fewer than 3 values', () => {
    const { days, today } = series([null, null, null, null, null, 2, 2, 9, 9, 9]);
    expect(worseningBaseline(days, today, 6)).toBe(6);
    expect(isWorsening(days, today, 6)).toEqual({ worsening: true, baseline: 6, lastThree: [9, 9, 9] });
    expect(isWorsening(days, today, 8).worsening).toBe(false);
  });

  it('falls back to the intake NPRS for a brand-new episode', () => {
    const { days, today } = series([7, 7, 7]);
    expect(isWorsening(days, today, 5)).toEqual({ worsening: true, baseline: 5, lastThree: [7, 7, 7] });
  });

  it('takes the highest score when a day appears twice', () => {
    const { days, today } = series([1, 1, 1, 1, 1, 1, 1, 3, 3, 3]);
    days.push({ day: '2025-03-08', score: 2 }, { day: '2025-03-02', score: 9 });
    expect(worseningBaseline(days, today, 0)).toBe(1);
    expect(isWorsening(days, today, 0).lastThree).toEqual([3, 3, 3]);
  });

  it('crosses a month end by calendar day', () => {
    const { days, today } = series([4, 4, 5, 4, 4, 5, 4, 6, 6, 7], '2025-02-22');
    expect(today).toBe('2025-03-03');
    expect(isWorsening(days, today, 4).worsening).toBe(true);
  });

  it('rejects a bad day, score or intake NPRS', () => {
    expect(() => worseningBaseline([], '2025-02-30', 4)).toThrow(RangeError);
    expect(() => worseningBaseline([{ day: '2025-03-01', score: 12 }], '2025-03-02', 4)).toThrow(RangeError);
    expect(() => worseningBaseline([{ day: '1 March', score: 2 }], '2025-03-02', 4)).toThrow(RangeError);
    expect(() => worseningBaseline([], '2025-03-02', 4.5)).toThrow(RangeError);
  });
});

describe('isSeverePain', () => {
  it('needs ≥ 8 today and the day before', () => {
    expect(isSeverePain(series([8, 8]).days, series([8, 8]).today)).toBe(true);
    expect(isSeverePain(series([10, 9]).days, series([10, 9]).today)).toBe(true);
  });

  it.each([
    [[7, 8]],
    [[8, 7]],
    [[8, null]],
    [[null, 8]],
    [[8, null, 8]],
  ])('is false for %j', (scores) => {
    const { days, today } = series(scores);
    expect(isSeverePain(days, today)).toBe(false);
  });

  it('looks only at the two days ending today', () => {
    const { days } = series([9, 9, 2]);
    expect(isSeverePain(days, '2025-03-03')).toBe(false);
    expect(isSeverePain(days, '2025-03-02')).toBe(true);
  });
});

describe('isInactive', () => {
  const start = new Date('2025-03-01T09:00:00Z');
  const at = (iso: string): Date => new Date(iso);

  it('is inactive after 7 days with nothing logged', () => {
    expect(isInactive(at('2025-03-02T09:00:00Z'), at('2025-03-09T09:00:00Z'), start)).toBe(true);
  });

  it('is not inactive just under 7 days', () => {
    expect(isInactive(at('2025-03-02T09:00:00Z'), at('2025-03-09T08:59:59Z'), start)).toBe(false);
  });

  it('does not flag an episode younger than 7 days with nothing logged', () => {
    expect(isInactive(null, at('2025-03-07T09:00:00Z'), start)).toBe(false);
  });

  it('flags an episode 7 days old with nothing ever logged', () => {
    expect(isInactive(null, at('2025-03-08T09:00:00Z'), start)).toBe(true);
  });

  it('ignores activity from before the episode started', () => {
    expect(isInactive(at('2025-01-01T09:00:00Z'), at('2025-03-05T09:00:00Z'), start)).toBe(false);
  });

  it('rejects invalid dates', () => {
    expect(() => isInactive(null, new Date('nonsense'), start)).toThrow(RangeError);
  });
});

describe('isLowAdherence', () => {
  it.each([
    [14, 6, true],
    [14, 7, false],
    [14, 14, false],
    [10, 4, true],
    [10, 5, false],
    [7, 3, true],
    [7, 4, false],
    [0, 0, false],
    [0, 3, false],
    [6, 0, true],
    [4, 9, false],
  ])('%i prescribed, %i logged → %s', (prescribed, logged, low) => {
    expect(isLowAdherence(prescribed, logged)).toBe(low);
  });

  it('rejects negative counts', () => {
    expect(() => isLowAdherence(-1, 0)).toThrow(RangeError);
    expect(() => isLowAdherence(10, Number.NaN)).toThrow(RangeError);
  });
});

describe('questionnaireWorsening', () => {
  it.each([
    ['ODI', 30, 40, true],
    ['ODI', 30, 39.9, false],
    ['ODI', 40, 30, false],
    ['ODI', 230 / 9, 320 / 9, true],
    ['RMDQ', 8, 13, true],
    ['RMDQ', 8, 12, false],
    ['RMDQ', 13, 8, false],
    ['PSFS', 6, 4, true],
    ['PSFS', 6.1, 4.1, true],
    ['PSFS', 6, 4.1, false],
    ['PSFS', 4, 6, false],
  ] as const)('%s %s → %s is %s', (instrument, previous, latest, worse) => {
    expect(questionnaireWorsening(instrument, previous, latest)).toBe(worse);
  });

  it('rejects unknown instruments and non-numbers', () => {
    expect(() => questionnaireWorsening('PHQ9' as QuestionnaireInstrument, 1, 2)).toThrow(RangeError);
    expect(() => questionnaireWorsening('ODI', Number.NaN, 2)).toThrow(RangeError);
  });
});

describe('ALERT_REASONS', () => {
  const reasons = ALERT_REASON_CODES;

  it('describes every reason, keyed by itself', () => {
    expect(Object.keys(ALERT_REASONS).sort()).toEqual([...reasons].sort());
    for (const reason of reasons) {
      expect(ALERT_REASONS[reason].reason).toBe(reason);
      expect(ALERT_REASONS[reason].label.length).toBeGreaterThan(0);
      expect(ALERT_REASONS[reason].definition.length).toBeGreaterThan(0);
    }
  });

  it('puts red flags first and gives each reason its own priority', () => {
    expect(ALERT_REASON_ORDER[0]).toBe('red-flag');
    expect(new Set(reasons.map((reason) => ALERT_REASONS[reason].priority)).size).toBe(reasons.length);
    expect(ALERT_REASON_ORDER).toHaveLength(reasons.length);
  });

  it('states the policy numbers in its definitions', () => {
    expect(ALERT_REASONS['severe-pain'].definition).toContain('8/10');
    expect(ALERT_REASONS.worsening.definition).toMatch(/2 points.*3 days.*7 days/);
    expect(ALERT_REASONS.inactive.definition).toContain('7 days');
    expect(ALERT_REASONS['low-adherence'].definition).toMatch(/50%.*14 days/);
    expect(ALERT_REASONS['questionnaire-worsening'].definition).toMatch(/10 points.*5 or more.*2 or more/);
  });
});
