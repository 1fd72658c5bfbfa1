import { describe, expect, it } from 'vitest';
import { RED_FLAG_QUESTIONS } from '@/lib/clinical/red-flags';
import type { AlertItem } from '@/lib/dal/alerts';
import { alertCardView } from './alert-view';

const base: AlertItem = {
  id: 'a1',
  episodeId: 'e1',
  patientId: 'p1',
  patientName: 'Ada Lovelace',
  reason: 'worsening',
  urgency: '24h',
  message: 'Pain has risen.',
  detail: {},
  raisedAt: new Date('2026-06-30T23:30:00Z'),
  acknowledgedAt: null,
  acknowledgedByName: null,
  acknowledgeComment: null,
  resolvedAt: null,
};

describe('alertCardView', () => {
  it('writes the raise time in the viewer’s time zone and labels each detail in words', () => {
    const view = alertCardView(
      { ...base, detail: { baseline: 3, lastThree: [5, 6, 6], lastActivityAt: '2026-06-29T08:00:00.000Z', questions: ['hidden'] } },
      'Europe/London',
    );
    expect(view.raised).toBe('1 Jul 2026, 00:30');
    expect(view.urgency).toBe('Review within 24 hours');
    expect(view.details).toEqual([
      ['Usual level', '3'],
      ['Last three days', '5, 6, 6'],
      ['Last activity', '29 Jun 2026, 09:00'],
    ]);
    expect(view.closedNote).toBeNull();
  });

  it('names red-flag findings in the clinician’s words', () => {
    const [first, second] = RED_FLAG_QUESTIONS;
    const view = alertCardView({ ...base, reason: 'red-flag', detail: { positives: [first!.key, second!.key] } }, 'UTC');
    expect(view.details).toEqual([['Reported', `${first!.finding}; ${second!.finding}`]]);
  });

  it('shows every answer of a red-flag screen, yes and no', () => {
    const view = alertCardView(
      { ...base, reason: 'red-flag', detail: { positives: ['night-pain'], answers: ['Unexplained weight loss: no', 'Constant night pain not eased by rest: yes'] } },
      'UTC',
    );
    expect(view.details).toContainEqual(['Latest answers', 'Unexplained weight loss: no; Constant night pain not eased by rest: yes']);
  });

  it('says who acknowledged a closed alert, with their comment, or that it closed by itself', () => {
    const acknowledged = alertCardView(
      { ...base, acknowledgedAt: new Date('2026-07-01T09:00:00Z'), acknowledgedByName: 'Sam Physio', acknowledgeComment: 'Called, settling.' },
      'UTC',
    );
    expect(acknowledged.closedNote).toBe('Acknowledged by Sam Physio on 1 Jul 2026, 09:00: “Called, settling.”');
    const byFormerUser = alertCardView({ ...base, acknowledgedAt: new Date('2026-07-01T09:00:00Z') }, 'UTC');
    expect(byFormerUser.closedNote).toBe('Acknowledged by a former user on 1 Jul 2026, 09:00.');
    const resolved = alertCardView({ ...base, resolvedAt: new Date('2026-07-02T10:15:00Z') }, 'UTC');
    expect(resolved.closedNote).toBe('Closed automatically on 2 Jul 2026, 10:15: the condition no longer held.');
  });
});
