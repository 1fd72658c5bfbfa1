import { ALERT_REASONS, type AlertReason } from '@/lib/clinical/alerts';

const TONES: Record<AlertReason, string> = {
  'red-flag': 'border-red-800 bg-red-700 text-white',
  'severe-pain': 'border-red-700 bg-red-50 text-red-900',
  worsening: 'border-orange-700 bg-orange-50 text-orange-900',
  'questionnaire-worsening': 'border-orange-700 bg-orange-50 text-orange-900',
  inactive: 'border-slate-500 bg-slate-100 text-slate-900',
  'low-adherence': 'border-amber-700 bg-amber-50 text-amber-900',
  'questionnaire-overdue': 'border-sky-700 bg-sky-50 text-sky-900',
};

/** A flag in words (never colour alone), with its definition as a tooltip. */
export function FlagBadge({ reason }: { reason: AlertReason }) {
  const info = ALERT_REASONS[reason];
  return (
    <span title={info.definition} className={`inline-flex items-center rounded border px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap ${TONES[reason]}`}>
      {info.label}
    </span>
  );
}
