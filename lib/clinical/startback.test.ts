import { describe, expect, it } from 'vitest';
import {
  BOTHERSOME_OPTIONS,
  type Bothersome,
  scoreStartBack,
  STARTBACK_ITEMS,
  STARTBACK_LICENCE_NOTICE,
  STARTBACK_LOINC,
  STARTBACK_RISK_GUIDANCE,
} from './startback';

const items = (pattern: string): boolean[] => [...pattern].map((character) => character === '1');

describe('scoreStartBack: docs/CLINICAL.md examples', () => {
  it.each([
    ['00000000', 'Not at all', 0, 0, 'low'],
    ['11100000', 'Moderately', 3, 0, 'low'],
    ['11110000', 'Extremely', 5, 1, 'medium'],
    ['10001110', 'Very much', 5, 4, 'high'],
    ['11111111', 'Extremely', 9, 5, 'high'],
  ] as const)('%s %s → %i/%i %s', (pattern, bothersome, total, psychosocial, risk) => {
    expect(scoreStartBack(items(pattern), bothersome)).toEqual({ total, psychosocial, risk });
  });
});

describe('scoreStartBack: edge cases', () => {
  it.each([
    ['Not at all', 0],
    ['Slightly', 0],
    ['Moderately', 0],
    ['Very much', 1],
    ['Extremely', 1],
  ] as const)('item 9 "%s" scores %i', (bothersome, point) => {
    const result = scoreStartBack(items('00000000'), bothersome);
    expect(result.total).toBe(point);
    expect(result.psychosocial).toBe(point);
  });

  it('counts only items 5–8 (not 1–4) in the subscale', () => {
    expect(scoreStartBack(items('11110000'), 'Not at all').psychosocial).toBe(0);
    expect(scoreStartBack(items('00001111'), 'Not at all').psychosocial).toBe(4);
  });

  it('is low at a total of 3 even with a psychosocial subscale of 3', () => {
    expect(scoreStartBack(items('00001110'), 'Not at all')).toEqual({ total: 3, psychosocial: 3, risk: 'low' });
  });

  it('is high at a total of 4 when all four points are psychosocial', () => {
    expect(scoreStartBack(items('00001111'), 'Slightly')).toEqual({ total: 4, psychosocial: 4, risk: 'high' });
  });

  it('is medium at a total of 4 with a subscale of 3', () => {
    expect(scoreStartBack(items('10001110'), 'Moderately')).toEqual({ total: 4, psychosocial: 3, risk: 'medium' });
  });

  it.each([7, 9, 0])('rejects %i items', (length) => {
    expect(() => scoreStartBack(Array.from({ length }, () => false), 'Slightly')).toThrow(RangeError);
  });

  it('rejects a non-boolean answer', () => {
    const answers = [true, false, true, false, 1, false, false, false] as unknown as boolean[];
    expect(() => scoreStartBack(answers, 'Slightly')).toThrow(RangeError);
  });

  it('rejects an unknown bothersomeness answer', () => {
    expect(() => scoreStartBack(items('00000000'), 'A lot' as Bothersome)).toThrow(RangeError);
  });
});

describe('STarT Back content', () => {
  it('has nine items in Keele order, item 9 the bothersomeness question', () => {
    expect(STARTBACK_ITEMS).toHaveLength(9);
    expect(STARTBACK_ITEMS.map((item) => item.key)).toEqual([
      'leg-pain',
      'shoulder-neck-pain',
      'short-walks',
      'dressing-slowly',
      'not-safe-active',
      'worrying-thoughts',
      'never-better',
      'not-enjoying',
      'bothersome',
    ]);
    expect(STARTBACK_ITEMS.map((item) => item.response)).toEqual([...Array(8).fill('agree'), 'bothersome']);
    expect(STARTBACK_ITEMS.map((item) => item.psychosocial)).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('offers the five bothersomeness answers in order', () => {
    expect(BOTHERSOME_OPTIONS).toEqual(['Not at all', 'Slightly', 'Moderately', 'Very much', 'Extremely']);
  });

  it('names Keele University in the licence notice', () => {
    expect(STARTBACK_LICENCE_NOTICE).toContain('Keele University');
    expect(STARTBACK_LICENCE_NOTICE).toMatch(/permission/);
  });

  it('carries the LOINC total-score code and care guidance per risk', () => {
    expect(STARTBACK_LOINC).toBe('91351-7');
    expect(Object.keys(STARTBACK_RISK_GUIDANCE)).toEqual(['low', 'medium', 'high']);
  });
});
