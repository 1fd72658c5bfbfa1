'use client';

import { AppLink } from '@/components/ui/app-link';
import { FormAlert } from '@/components/ui/form-alert';
import { ALERT_REASONS } from '@/lib/clinical/alerts';
import type { AckProblemNotice } from '@/lib/validation/alerts';
import { AcknowledgeForm } from './acknowledge-form';
import type { AlertCardView } from './alert-view';
import { FlagBadge } from './flag-badge';

/**
 * One alert with the data that triggered it; open ones carry the acknowledge form. A list of many alerts
 * passes `showDefinition={false}` and explains each kind once (FlagLegend) instead of on every card.
 *
 * A client component fed words from `alertCardView` on the server: a list of fifty cards then travels to
 * the browser as data rather than as a tree of elements, and the server renders it once, not twice.
 */
export function AlertCard({
  alert,
  showPatient = true,
  showDefinition = true,
  back = '',
  clearProblem = false,
  problem = null,
  recordHref,
  replyHref,
  note,
  acknowledgeAction,
}: {
  alert: AlertCardView;
  /** The clinician's acknowledge action (app/clinician/alerts/actions.ts), handed down by the page. */
  acknowledgeAction: (form: FormData) => Promise<void>;
  showPatient?: boolean;
  showDefinition?: boolean;
  /** The episode whose record the card is on; '' in the inbox (where an acknowledgement returns). */
  back?: string;
  /** The page shows a problem from its address (`ackProblemFrom`); a success then leaves that address. */
  clearProblem?: boolean;
  /** A refused acknowledgement of this alert, from the page's address. */
  problem?: Pick<AckProblemNotice, 'message' | 'onComment'> | null;
  /** Where the patient's name leads; the record by default (an escalated alert opens it for that alert). */
  recordHref?: string;
  /** The patient's conversation, where the clinician replies to them about this alert (care team only). */
  replyHref?: string;
  /** Why the alert is in this viewer's inbox when the patient is not theirs (cover, escalation). */
  note?: string | null;
}) {
  const open = alert.closedNote === null;
  const { label, definition } = ALERT_REASONS[alert.reason];
  return (
    <article
      id={`alert-${alert.id}`}
      aria-label={`${label}: ${alert.patientName}`}
      className={`rounded-xl border bg-white p-4 ${alert.reason === 'red-flag' && open ? 'border-red-700 border-l-8' : 'border-slate-200'}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <FlagBadge reason={alert.reason} />
        <span className="text-sm font-semibold text-slate-800">{alert.urgency}</span>
        <span className="text-sm text-slate-700">raised {alert.raised}</span>
      </div>
      {showPatient ? (
        <h3 className="mt-2 text-lg font-semibold">
          <AppLink href={recordHref ?? `/clinician/patients/${alert.episodeId}`} className="text-brand-800 underline-offset-2 hover:underline">
            {alert.patientName}
          </AppLink>
        </h3>
      ) : null}
      {note ? <p className="mt-1 text-sm font-medium text-slate-800">{note}</p> : null}
      <p className="mt-1">{alert.message}</p>
      {alert.details.length > 0 ? (
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {alert.details.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-700">{label}</dt>
              <dd className="font-medium">{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {showDefinition ? <p className="mt-2 text-xs text-slate-700">{definition}</p> : null}
      {replyHref ? (
        <p className="mt-2">
          <AppLink href={replyHref} className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline underline-offset-2">
            Reply to {alert.patientName}
            <span className="sr-only"> in their messages</span>
          </AppLink>
        </p>
      ) : null}
      {open ? (
        <AcknowledgeForm action={acknowledgeAction} alertId={alert.id} patientName={alert.patientName} back={back} clearProblem={clearProblem} problem={problem} />
      ) : (
        <>
          {problem ? (
            <div className="mt-2">
              <FormAlert>{problem.message}</FormAlert>
            </div>
          ) : null}
          <p className="mt-2 text-sm text-slate-800">{alert.closedNote}</p>
        </>
      )}
    </article>
  );
}
