import type { Metadata } from 'next';
import { AppLink } from '@/components/ui/app-link';
import { z } from 'zod';
import { AlertCard } from '@/components/clinician/alert-card';
import { acknowledgeAlertAction } from '@/app/clinician/alerts/actions';
import { alertCardView } from '@/components/clinician/alert-view';
import { FlagLegend } from '@/components/clinician/flag-badge';
import { ALERT_REASON_ORDER } from '@/lib/clinical/alerts';
import { guardArea } from '@/lib/auth/guard';
import { describeWindow } from '@/lib/clinical/escalation';
import { CLOSED_ALERTS_MAX, CLOSED_ALERTS_SHOWN, listAlerts, OPEN_ALERTS_SHOWN, type AlertItem } from '@/lib/dal/alerts';
import { listEscalatedAlerts } from '@/lib/dal/escalations';
import { formatDateTime } from '@/lib/time';
import { ackProblemFrom } from '@/lib/validation/alerts';
import { FormAlert } from '@/components/ui/form-alert';

export const metadata: Metadata = { title: 'Alerts' };

// `?closed=more` lists more of the recently closed alerts, `?open=all` every open one; anything else is the usual inbox.
const alertsSearchSchema = z.object({ closed: z.enum(['more']).optional().catch(undefined), open: z.enum(['all']).optional().catch(undefined) });

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = await searchParams;
  const shown = alertsSearchSchema.parse(search);
  const moreClosed = shown.closed === 'more';
  const allOpen = shown.open === 'all';
  // A refused acknowledgement comes back in the address; its message goes on the alert's card.
  const problem = ackProblemFrom(search);
  const viewer = await guardArea('clinician');
  const [{ open, openTotal, closed }, escalated] = await Promise.all([
    listAlerts({ closedLimit: moreClosed ? CLOSED_ALERTS_MAX : CLOSED_ALERTS_SHOWN, openLimit: allOpen ? undefined : OPEN_ALERTS_SHOWN }),
    listEscalatedAlerts(),
  ]);
  // Each kind of alert on the page is explained once, under the lists, not on every card.
  const shownReasons = new Set([...escalated, ...open, ...closed].map((alert) => alert.reason));
  const reasons = ALERT_REASON_ORDER.filter((reason) => shownReasons.has(reason));
  // An alert escalated to the viewer that is also theirs shows once, in the open list.
  const ownIds = new Set(open.map((alert) => alert.id));
  const escalatedToMe = escalated.filter((alert) => !ownIds.has(alert.id));
  const onPage = problem !== null && [...escalatedToMe, ...open, ...closed].some((alert) => alert.id === problem.alertId);
  const card = (alert: AlertItem, extra: { recordHref?: string; note?: string | null; escalated?: boolean } = {}) => (
    <AlertCard
      key={alert.id}
      acknowledgeAction={acknowledgeAlertAction}
      alert={alertCardView(alert, viewer.timeZone)}
      showDefinition={false}
      clearProblem={problem !== null}
      problem={problem?.alertId === alert.id ? problem : null}
      recordHref={extra.recordHref}
      // The safety lead reads an escalated alert's record but is not the patient's care team: no reply there.
      replyHref={extra.escalated ? undefined : `/clinician/patients/${alert.episodeId}/messages#message-form`}
      note={extra.note ?? (alert.coveringFor ? `Covering for ${alert.coveringFor}` : null)}
    />
  );
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Alerts</h1>
        <p className="text-slate-700">
          {openTotal === 0 ? 'No open alerts.' : `${openTotal} open, red flags first.`}
          {open.length < openTotal ? ` Showing the ${open.length} most urgent.` : ''} Red flags are never closed automatically.
        </p>
      </div>
      {problem && !onPage ? <FormAlert>{problem.message}</FormAlert> : null}
      {escalatedToMe.length > 0 ? (
        <section aria-labelledby="escalated-alerts" className="space-y-3">
          <h2 id="escalated-alerts" className="text-xl font-semibold">Escalated to you</h2>
          <p className="text-slate-700">
            As the clinic’s safety lead you receive alerts nobody acknowledged in time. You can open the patient’s record for each of
            these alerts; each view is recorded in the audit trail.
          </p>
          {escalatedToMe.map((alert) =>
            card(alert, {
              recordHref: `/clinician/patients/${alert.episodeId}?escalation=${alert.id}`,
              escalated: true,
              note: `${alert.clinicianName}’s patient. Not acknowledged within ${describeWindow(alert.windowMinutes)}; escalated ${formatDateTime(alert.escalatedAt, viewer.timeZone)}.`,
            }),
          )}
        </section>
      ) : null}
      <section aria-labelledby="open-alerts" className="space-y-3">
        <h2 id="open-alerts" className="text-xl font-semibold">Open</h2>
        {open.map((alert) => card(alert))}
        {open.length < openTotal ? (
          <p>
            <AppLink href="/clinician/alerts?open=all#open-alerts" className="text-link underline">
              Show all {openTotal} open alerts
            </AppLink>
          </p>
        ) : null}
      </section>
      {closed.length > 0 ? (
        <section aria-labelledby="closed-alerts" className="space-y-3">
          <h2 id="closed-alerts" className="text-xl font-semibold">Recently closed</h2>
          {closed.map((alert) => card(alert))}
          {!moreClosed && closed.length === CLOSED_ALERTS_SHOWN ? (
            <p>
              <AppLink href="/clinician/alerts?closed=more#closed-alerts" className="text-link underline">
                Show the last {CLOSED_ALERTS_MAX} closed alerts
              </AppLink>
            </p>
          ) : null}
        </section>
      ) : null}
      {reasons.length > 0 ? <FlagLegend reasons={reasons} summary="What the alerts mean" /> : null}
    </div>
  );
}
