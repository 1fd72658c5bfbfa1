import { describe, expect, it } from 'vitest';
import { EMERGENCY_SERVICES } from '../content/emergency-services';
import {
  answersPeriodicCheck,
  describeAnswers,
  EVERY_LOG_RED_FLAG_QUESTIONS,
  PERIODIC_RED_FLAG_QUESTIONS,
  redFlagAdvice,
  redFlagHeading,
  SAFETY_CHECK_INTERVAL_DAYS,
  safetyCheckDue,
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

describe('when the questions are asked', () => {
  it('asks cauda equina and progressive deficit at every pain log, and the other group periodically', () => {
    expect(EVERY_LOG_RED_FLAG_QUESTIONS.map((entry) => entry.group)).not.toContain('serious-pathology');
    expect(EVERY_LOG_RED_FLAG_QUESTIONS).toHaveLength(9);
    expect(PERIODIC_RED_FLAG_QUESTIONS.map((entry) => entry.key)).toEqual(['weight-loss', 'fever', 'night-pain', 'trauma']);
    expect([...EVERY_LOG_RED_FLAG_QUESTIONS, ...PERIODIC_RED_FLAG_QUESTIONS]).toHaveLength(RED_FLAG_QUESTIONS.length);
  });

  const now = new Date('2026-03-10T12:00:00Z');
  it.each([
    [null, 'first'],
    [new Date('2026-03-10T11:59:00Z'), null],
    [new Date('2026-03-03T12:00:01Z'), null],
    [new Date('2026-03-03T12:00:00Z'), 'weekly'],
    [new Date('2026-01-01T00:00:00Z'), 'weekly'],
  ])('last answered %s → due %s', (last, due) => {
    expect(safetyCheckDue(last, now)).toBe(due);
  });

  it('uses a 7-day interval', () => {
    expect(SAFETY_CHECK_INTERVAL_DAYS).toBe(7);
  });

  it('counts a screen as a periodic check only when every periodic question was answered', () => {
    expect(answersPeriodicCheck({ 'weight-loss': false, fever: false, 'night-pain': true, trauma: false })).toBe(true);
    expect(answersPeriodicCheck({ 'weight-loss': false, fever: false, 'night-pain': true })).toBe(false);
    expect(answersPeriodicCheck({ 'saddle-numbness': false })).toBe(false);
  });
});

describe('what the patient is told', () => {
  it.each(RED_FLAG_QUESTIONS.map((entry) => [entry.key, entry.urgency] as const))('a yes to %s (%s) gets its urgency’s advice', (key, urgency) => {
    const { urgency: evaluated } = evaluateRedFlags({ [key]: true });
    expect(evaluated).toBe(urgency);
    const expected = { emergency: 'Seek emergency care now', 'same-day': 'Your physio needs to check this today', '24h': 'Contact your physio’s clinic today' };
    expect(redFlagHeading(evaluated!)).toBe(expected[urgency]);
  });

  it('tells a patient with a possible cancer, infection or fracture sign what to do today', () => {
    const advice = redFlagAdvice('24h', EMERGENCY_SERVICES.GB);
    expect(advice.steps.join(' ')).toMatch(/review them within 24 hours/);
    expect(advice.steps.join(' ')).toMatch(/Today, phone the clinic/);
    expect(advice.steps.join(' ')).toMatch(/call NHS 111 today/);
    expect(advice.steps.join(' ')).toMatch(/call 999 now/);
  });

  it('uses the clinic’s own numbers when given', () => {
    const us = redFlagAdvice('same-day', EMERGENCY_SERVICES.US).steps.join(' ');
    expect(us).toMatch(/contact your doctor or an urgent care center/);
    expect(us).toMatch(/call 911 now/);
    expect(us).not.toMatch(/999|111|GP/);
    const australia = redFlagAdvice('24h', EMERGENCY_SERVICES.AU).steps.join(' ');
    expect(australia).toMatch(/call healthdirect on 1800 022 222 today/);
    expect(australia).toMatch(/call 000 now/);
  });

  it('describes every answer, yes and no, in the clinician’s words', () => {
    expect(describeAnswers({ fever: false, 'night-pain': true })).toEqual(['Fever or chills: no', 'Constant night pain not eased by rest: yes']);
  });
});
