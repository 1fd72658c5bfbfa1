import { describe, expect, it } from 'vitest';
import { describeSpan, meaningfulOdiLevel, meaningfulPainLevel, painSeries, summariseMeasure, summariseOdi, summarisePain } from './progress';

describe('meaningfulPainLevel', () => {
  it('is the easier of a 2-point and a 30 % fall', () => {
    expect(meaningfulPainLevel(7)).toBe(5); // 7 − 2 = 5 beats 7 × 0.7 = 4.9
    expect(meaningfulPainLevel(8)).toBe(6); // 6 beats 5.6
    expect(meaningfulPainLevel(5)).toBe(3.5); // 3.5 beats 3
    expect(meaningfulPainLevel(1)).toBe(0.7);
    expect(meaningfulPainLevel(0)).toBe(0);
  });
  it('rejects out-of-range baselines', () => expect(() => meaningfulPainLevel(11)).toThrow(RangeError));
});

describe('meaningfulOdiLevel', () => {
  it('is the easier of a 10-point and a 30 % fall', () => {
    expect(meaningfulOdiLevel(40)).toBe(30);
    expect(meaningfulOdiLevel(20)).toBe(14);
  });
});

describe('summaries', () => {
  it('describes spans in days or weeks', () => {
    expect(describeSpan('2026-10-01', '2026-10-11')).toBe('10 days');
    expect(describeSpan('2026-10-01', '2026-11-26')).toBe('8 weeks');
  });

  it('summarises pain from the first to the last 7-day average', () => {
    const daily = [
      { day: '2026-10-01', score: 7 },
      { day: '2026-10-02', score: 5 },
      { day: '2026-11-25', score: 3 },
      { day: '2026-11-26', score: 4 },
    ];
    const series = painSeries(daily, '2026-10-01');
    expect(summarisePain(series.rolling)).toBe('Your average pain fell from 7.0 to 3.5 out of 10 over 8 weeks.');
    expect(summarisePain([])).toBe('No pain scores logged in this period yet.');
  });

  it('uses earlier days only to average, never as points', () => {
    const series = painSeries(
      [
        { day: '2026-10-01', score: 8 },
        { day: '2026-10-03', score: 4 },
      ],
      '2026-10-02',
    );
    expect(series.daily).toEqual([{ day: '2026-10-03', score: 4 }]);
    expect(series.rolling).toEqual([{ day: '2026-10-03', average: 6, count: 2 }]);
  });

  it('summarises ODI and measures', () => {
    expect(summariseOdi([{ day: '2026-10-01', score: 36 }, { day: '2026-10-29', score: 22 }])).toBe(
      'Your disability score fell from 36.0 % to 22.0 % over 4 weeks (lower is better).',
    );
    expect(summariseOdi([])).toMatch(/No Oswestry/);
    expect(summariseMeasure('Bending forward', [{ day: '2026-10-01', value: 35 }, { day: '2026-10-29', value: 52 }], '°')).toBe(
      'Bending forward: 35° to 52° over 4 weeks.',
    );
    expect(summariseMeasure('Fingertips to floor', [{ day: '2026-10-01', value: 20 }], 'cm')).toBe('Fingertips to floor: 20 cm.');
  });
});
