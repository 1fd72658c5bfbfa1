import type { AlertReason } from '@/lib/clinical/alerts';
import { URGENCY_NAMES } from '@/lib/clinical/escalation';
import { RED_FLAG_QUESTIONS } from '@/lib/clinical/red-flags';
import type { AlertItem } from '@/lib/dal/alerts';
import { formatDateTime } from '@/lib/time';

/**
 * What an alert card shows, in words, worked out on the server: dates in the viewer's time zone (so the
 * browser never formats them again and hydration cannot disagree) and details as label/value pairs.
 */
export type AlertCardView = {
  id: string;
  episodeId: string;
  patientName: string;
  /** The card names the reason and its definition from `ALERT_REASONS`, as the badge does. */
  reason: AlertReason;
  urgency: string;
  raised: string;
  message: string;
  details: [label: string, value: string][];
  /** How a closed alert was closed; null while it is open (the card then carries the acknowledge form). */
  closedNote: string | null;
};


const DETAIL_LABELS: Record<string, string> = {
  baseline: 'Usual level',
  lastThree: 'Last three days',
  lastTwo: 'Last two days',
  today: 'Day',
  instrument: 'Questionnaire',
  previous: 'Previous score',
  latest: 'Latest score',
  logged: 'Sessions logged',
  prescribed: 'Sessions prescribed',
  windowDays: 'Over days',
  lastActivityAt: 'Last activity',
  instruments: 'Questionnaires',
  positives: 'Reported',
  groups: 'Concern',
  answers: 'Latest answers',
};

/** Detail kept for the record but not shown: the patient's wording of a question repeats its finding. */
const HIDDEN_DETAILS = new Set(['completedAt', 'questions']);

const FINDINGS = new Map(RED_FLAG_QUESTIONS.map((question) => [question.key, question.finding]));

function detailValue(key: string, value: unknown, timeZone: string): string {
  if (key === 'positives' && Array.isArray(value)) return value.map((item) => FINDINGS.get(String(item)) ?? String(item)).join('; ');
  if (key === 'answers' && Array.isArray(value)) return value.join('; ');
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(new Date(value), timeZone);
  if (value === null || value === undefined) return '—';
  return String(value);
}

export function alertCardView(alert: AlertItem, timeZone: string): AlertCardView {
  let closedNote: string | null = null;
  if (alert.acknowledgedAt) {
    const by = `Acknowledged by ${alert.acknowledgedByName ?? 'a former user'} on ${formatDateTime(alert.acknowledgedAt, timeZone)}`;
    closedNote = alert.acknowledgeComment ? `${by}: “${alert.acknowledgeComment}”` : `${by}.`;
  } else if (alert.resolvedAt) {
    closedNote = `Closed automatically on ${formatDateTime(alert.resolvedAt, timeZone)}: the condition no longer held.`;
  }
  return {
    id: alert.id,
    episodeId: alert.episodeId,
    patientName: alert.patientName,
    reason: alert.reason,
    urgency: URGENCY_NAMES[alert.urgency],
    raised: formatDateTime(alert.raisedAt, timeZone),
    message: alert.message,
    details: Object.entries(alert.detail)
      .filter(([key]) => !HIDDEN_DETAILS.has(key))
      .map(([key, value]) => [DETAIL_LABELS[key] ?? key, detailValue(key, value, timeZone)]),
    closedNote,
  };
}
