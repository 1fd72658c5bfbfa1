import { describe, expect, it } from 'vitest';
import {
  describeWaiting,
  describeWindow,
  ESCALATION_WINDOW_DEFAULTS,
  escalationDueAt,
  escalationWindowMinutes,
  isEscalationDue,
  windowsInOrder,
  type AlertUrgency,
} from './escalation';

const raisedAt = new Date('2026-03-29T00:30:00Z');
const open = (urgency: AlertUrgency) => ({ urgency, raisedAt, acknowledgedAt: null, resolvedAt: null });
const after = (minutes: number) => new Date(raisedAt.getTime() + minutes * 60_000);

describe('escalation windows', () => {
  it('defaults to 1 hour for emergency, 4 hours for urgent and 24 hours for review', () => {
    expect(ESCALATION_WINDOW_DEFAULTS).toEqual({ emergency: 60, 'same-day': 240, '24h': 1440 });
  });

  it.each([
    ['emergency', 60],
    ['same-day', 240],
    ['24h', 1440],
  ] as const)('escalates an open %s alert at %i minutes, not a minute before', (urgency, minutes) => {
    const alert = open(urgency);
    expect(isEscalationDue(alert, after(minutes - 1), ESCALATION_WINDOW_DEFAULTS)).toBe(false);
    expect(isEscalationDue(alert, after(minutes), ESCALATION_WINDOW_DEFAULTS)).toBe(true);
    expect(isEscalationDue(alert, after(minutes + 600), ESCALATION_WINDOW_DEFAULTS)).toBe(true);
    expect(escalationDueAt(alert, ESCALATION_WINDOW_DEFAULTS)).toEqual(after(minutes));
  });

  it('never escalates a routine alert', () => {
    expect(escalationWindowMinutes('routine', ESCALATION_WINDOW_DEFAULTS)).toBeNull();
    expect(escalationDueAt(open('routine'), ESCALATION_WINDOW_DEFAULTS)).toBeNull();
    expect(isEscalationDue(open('routine'), after(100_000), ESCALATION_WINDOW_DEFAULTS)).toBe(false);
  });

  it('does not escalate an alert acknowledged or resolved in time', () => {
    const late = after(10_000);
    expect(isEscalationDue({ ...open('emergency'), acknowledgedAt: after(5) }, late, ESCALATION_WINDOW_DEFAULTS)).toBe(false);
    expect(isEscalationDue({ ...open('same-day'), resolvedAt: after(5) }, late, ESCALATION_WINDOW_DEFAULTS)).toBe(false);
  });

  it('uses the clinic’s own windows', () => {
    const windows = { emergency: 15, 'same-day': 120, '24h': 480 };
    expect(isEscalationDue(open('emergency'), after(15), windows)).toBe(true);
    expect(isEscalationDue(open('same-day'), after(119), windows)).toBe(false);
    expect(isEscalationDue(open('24h'), after(480), windows)).toBe(true);
  });

  it('counts elapsed time, not wall-clock hours, across a daylight-saving change', () => {
    // 29 March 2026: the UK clocks go forward at 01:00 UTC; an hour is still 60 minutes of real time.
    expect(isEscalationDue(open('emergency'), new Date('2026-03-29T01:29:00Z'), ESCALATION_WINDOW_DEFAULTS)).toBe(false);
    expect(isEscalationDue(open('emergency'), new Date('2026-03-29T01:30:00Z'), ESCALATION_WINDOW_DEFAULTS)).toBe(true);
  });

  it('requires an emergency to wait no longer than urgent, and urgent no longer than review', () => {
    expect(windowsInOrder(ESCALATION_WINDOW_DEFAULTS)).toBe(true);
    expect(windowsInOrder({ emergency: 60, 'same-day': 60, '24h': 60 })).toBe(true);
    expect(windowsInOrder({ emergency: 300, 'same-day': 240, '24h': 1440 })).toBe(false);
    expect(windowsInOrder({ emergency: 60, 'same-day': 2000, '24h': 1440 })).toBe(false);
  });

  it('describes a window in plain words', () => {
    expect([60, 240, 1440, 90, 4320, 2160].map(describeWindow)).toEqual(['1 hour', '4 hours', '24 hours', '90 minutes', '3 days', '36 hours']);
  });

  it('says how long an alert has waited', () => {
    expect([0, 1, 59, 60, 119, 47 * 60, 48 * 60, 80 * 60].map((minutes) => describeWaiting(raisedAt, after(minutes)))).toEqual([
      '0 minutes', '1 minute', '59 minutes', '1 hour', '1 hour', '47 hours', '2 days', '3 days',
    ]);
  });
});
