import { ALERT_REASONS, type AlertReason } from '@/lib/clinical/alerts';

/**
 * A flag in words (never colour alone); its colours are the `flag-<reason>` classes in globals.css.
 * What each flag means is written once on the page (`FlagLegend`), not repeated on every badge: a
 * tooltip is out of reach on a touch screen or a keyboard anyway.
 */
export function FlagBadge({ reason }: { reason: AlertReason }) {
  return <span className={`flag flag-${reason}`}>{ALERT_REASONS[reason].label}</span>;
}

/** The definitions of the flags (or alerts) shown on a page, in a disclosure. */
export function FlagLegend({ reasons, summary = 'What the flags mean' }: { reasons: readonly AlertReason[]; summary?: string }) {
  return (
    <details className="rounded-xl border border-slate-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium">{summary}</summary>
      <dl className="mt-2 space-y-2">
        {reasons.map((reason) => (
          <div key={reason}>
            <dt><FlagBadge reason={reason} /></dt>
            <dd className="mt-0.5 text-slate-700">{ALERT_REASONS[reason].definition}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
