import { describe, expect, it } from 'vitest';
import {
  EMERGENCY_HEADING,
  evaluateRedFlags,
  RED_FLAG_GROUPS,
  RED_FLAG_QUESTIONS,
  type RedFlagGroup,
} from './red-flags';

const keysIn = (group: RedFlagGroup): string[] =>
  RED_FLAG_QUESTIONS.filter((entry) => entry.group === group).map((entry) => entry.key);

describe('RED_FLAG_QUESTIONS', () => {
  it('asks the five cauda equina questions as emergencies', () => {
    expect(keysIn('cauda-equina')).toEqual([
      'saddle-numbness',
      'bladder-change',
      'bowel-control',
      'sexual-function',
      'both-legs',
    ]);
  });

  it('asks the four progressive-deficit questions', () => {
    expect(keysIn('progressive-deficit')).toEqual([
      'leg-weakness-worsening',
      'foot-drop',
      'falls',
      'spreading-numbness',
    ]);
  });

  it('asks the four serious-pathology questions', () => {
    expect(keysIn('serious-pathology')).toEqual(['weight-loss', 'fever', 'night-pain', 'trauma']);
  });

  it('gives each question its group urgency', () => {
    const expected: Record<RedFlagGroup, string> = {
      'cauda-equina': 'emergency',
      'progressive-deficit': 'same-day',
      'serious-pathology': '24h',
    };
    for (const entry of RED_FLAG_QUESTIONS) {
      expect(entry.urgency).toBe(expected[entry.group]);
      expect(RED_FLAG_GROUPS[entry.group].urgency).toBe(entry.urgency);
    }
  });

  it('has unique keys and questions in plain words ending with a question mark', () => {
    expect(new Set(RED_FLAG_QUESTIONS.map((entry) => entry.key)).size).toBe(RED_FLAG_QUESTIONS.length);
    for (const entry of RED_FLAG_QUESTIONS) {
      expect(entry.question).toMatch(/\?$/);
      expect(entry.question).not.toMatch(/saddle|cauda|perineal|incontinence|dorsiflex|paraesthesia/i);
    }
  });

  it('asks about saddle numbness in everyday words and foot drop as toes catching', () => {
    const byKey = new Map(RED_FLAG_QUESTIONS.map((entry) => [entry.key, entry.question]));
    expect(byKey.get('saddle-numbness')).toBe(
      'Have you noticed numbness around your bottom, genitals or inner thighs?',
    );
    expect(byKey.get('foot-drop')).toMatch(/toes catch.*foot slap/);
  });
});

describe('evaluateRedFlags', () => {
  it('finds nothing when everything is no or unanswered', () => {
    expect(evaluateRedFlags({})).toEqual({ urgency: null, positives: [] });
    expect(evaluateRedFlags({ 'saddle-numbness': false, fever: false })).toEqual({ urgency: null, positives: [] });
  });

  it.each([
    ['saddle-numbness', 'emergency'],
    ['bladder-change', 'emergency'],
    ['bowel-control', 'emergency'],
    ['sexual-function', 'emergency'],
    ['both-legs', 'emergency'],
    ['leg-weakness-worsening', 'same-day'],
    ['foot-drop', 'same-day'],
    ['falls', 'same-day'],
    ['spreading-numbness', 'same-day'],
    ['weight-loss', '24h'],
    ['fever', '24h'],
    ['night-pain', '24h'],
    ['trauma', '24h'],
  ])('a yes to %s is %s', (key, urgency) => {
    expect(evaluateRedFlags({ [key]: true })).toEqual({ urgency, positives: [key] });
  });

  it('lets the highest urgency win, whatever the answer order', () => {
    expect(evaluateRedFlags({ fever: true, 'foot-drop': true })).toEqual({
      urgency: 'same-day',
      positives: ['foot-drop', 'fever'],
    });
    expect(evaluateRedFlags({ trauma: true, falls: true, 'bowel-control': true })).toEqual({
      urgency: 'emergency',
      positives: ['bowel-control', 'falls', 'trauma'],
    });
  });

  it('rejects unknown keys rather than dropping them', () => {
    expect(() => evaluateRedFlags({ 'sadle-numbness': true })).toThrow(RangeError);
  });

  it('rejects answers that are not booleans', () => {
    expect(() => evaluateRedFlags({ fever: 'yes' } as unknown as Record<string, boolean>)).toThrow(RangeError);
  });
});

describe('EMERGENCY_HEADING', () => {
  it('says to get emergency care now', () => {
    expect(EMERGENCY_HEADING).toBe('Seek emergency care now');
  });
});
