import Link from 'next/link';
import { ALERT_REASONS } from '@/lib/clinical/alerts';
import { RED_FLAG_QUESTIONS } from '@/lib/clinical/red-flags';
import type { AlertItem } from '@/lib/dal/alerts';
import { formatDateTime } from '@/lib/time';
import { AcknowledgeForm } from './acknowledge-form';
import { FlagBadge } from './flag-badge';

const URGENCY_LABELS: Record<AlertItem['urgency'], string> = {
  emergency: 'Emergency',
  'same-day': 'Review today',
  '24h': 'Review within 24 hours',
  routine: 'Routine',
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
};

/** Detail kept for the record but not shown: the patient's wording of a question repeats its finding. */
const HIDDEN_DETAILS = new Set(['completedAt', 'questions']);

const FINDINGS = new Map(RED_FLAG_QUESTIONS.map((question) => [question.key, question.finding]));

function detailValue(key: string, value: unknown, timeZone: string): string {
  if (key === 'positives' && Array.isArray(value)) return value.map((item) => FINDINGS.get(String(item)) ?? String(item)).join('; ');
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(new Date(value), timeZone);
  if (value === null || value === undefined) return '—';
  return String(value);
}

/**
 * One alert with the data that triggered it; open ones carry the acknowledge form. A list of many alerts
 * passes `showDefinition={false}` and explains each kind once (FlagLegend) instead of on every card.
 */
export function AlertCard({
  alert,
  timeZone,
  showPatient = true,
  showDefinition = true,
}: {
  alert: AlertItem;
  timeZone: string;
  showPatient?: boolean;
  showDefinition?: boolean;
}) {
  const open = !alert.acknowledgedAt && !alert.resolvedAt;
  const details = Object.entries(alert.detail).filter(([key]) => !HIDDEN_DETAILS.has(key));
  return (
    <article
      aria-label={`${ALERT_REASONS[alert.reason].label}: ${alert.patientName}`}
      className={`rounded-xl border bg-white p-4 ${alert.reason === 'red-flag' && open ? 'border-red-700 border-l-8' : 'border-slate-200'}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <FlagBadge reason={alert.reason} />
        <span className="text-sm font-semibold text-slate-800">{URGENCY_LABELS[alert.urgency]}</span>
        <span className="text-sm text-slate-700">raised {formatDateTime(alert.raisedAt, timeZone)}</span>
      </div>
      {showPatient ? (
        <h3 className="mt-2 text-lg font-semibold">
          <Link href={`/clinician/patients/${alert.episodeId}`} className="text-brand-800 underline-offset-2 hover:underline">
            {alert.patientName}
          </Link>
        </h3>
      ) : null}
      <p className="mt-1">{alert.message}</p>
      {details.length > 0 ? (
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {details.map(([key, value]) => (
            <div key={key} className="contents">
              <dt className="text-slate-700">{DETAIL_LABELS[key] ?? key}</dt>
              <dd className="font-medium">{detailValue(key, value, timeZone)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {showDefinition ? <p className="mt-2 text-xs text-slate-700">{ALERT_REASONS[alert.reason].definition}</p> : null}
      {open ? (
        <AcknowledgeForm alertId={alert.id} patientName={alert.patientName} />
      ) : alert.acknowledgedAt ? (
        <p className="mt-2 text-sm text-slate-800">
          Acknowledged by {alert.acknowledgedByName ?? 'a former user'} on {formatDateTime(alert.acknowledgedAt, timeZone)}
          {alert.acknowledgeComment ? <>: “{alert.acknowledgeComment}”</> : '.'}
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-800">Closed automatically on {formatDateTime(alert.resolvedAt!, timeZone)}: the condition no longer held.</p>
      )}
    </article>
  );
}
