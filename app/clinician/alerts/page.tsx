import type { Metadata } from 'next';
import { AppLink } from '@/components/ui/app-link';
import { z } from 'zod';
import { AlertCard } from '@/components/clinician/alert-card';
import { alertCardView } from '@/components/clinician/alert-view';
import { FlagLegend } from '@/components/clinician/flag-badge';
import { ALERT_REASON_ORDER } from '@/lib/clinical/alerts';
import { guardArea } from '@/lib/auth/guard';
import { CLOSED_ALERTS_MAX, CLOSED_ALERTS_SHOWN, listAlerts, type AlertItem } from '@/lib/dal/alerts';
import { ackProblemFrom } from '@/lib/validation/alerts';
import { FormAlert } from '@/components/ui/form-alert';

export const metadata: Metadata = { title: 'Alerts' };

// `?closed=more` lists more of the recently closed alerts; anything else is the usual inbox.
const alertsSearchSchema = z.object({ closed: z.enum(['more']).optional().catch(undefined) });

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = await searchParams;
  const moreClosed = alertsSearchSchema.parse(search).closed === 'more';
  // A refused acknowledgement comes back in the address; its message goes on the alert's card.
  const problem = ackProblemFrom(search);
  const viewer = await guardArea('clinician');
  const { open, closed } = await listAlerts({ closedLimit: moreClosed ? CLOSED_ALERTS_MAX : CLOSED_ALERTS_SHOWN });
  // Each kind of alert on the page is explained once, under the lists, not on every card.
  const shownReasons = new Set([...open, ...closed].map((alert) => alert.reason));
  const reasons = ALERT_REASON_ORDER.filter((reason) => shownReasons.has(reason));
  const onPage = problem !== null && [...open, ...closed].some((alert) => alert.id === problem.alertId);
  const card = (alert: AlertItem) => (
    <AlertCard
      key={alert.id}
      alert={alertCardView(alert, viewer.timeZone)}
      showDefinition={false}
      clearProblem={problem !== null}
      problem={problem?.alertId === alert.id ? problem : null}
    />
  );
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Alerts</h1>
        <p className="text-slate-700">
          {open.length === 0 ? 'No open alerts.' : `${open.length} open, red flags first.`} Red flags are never closed automatically.
        </p>
      </div>
      {problem && !onPage ? <FormAlert>{problem.message}</FormAlert> : null}
      <section aria-labelledby="open-alerts" className="space-y-3">
        <h2 id="open-alerts" className="text-xl font-semibold">Open</h2>
        {open.map(card)}
      </section>
      {closed.length > 0 ? (
        <section aria-labelledby="closed-alerts" className="space-y-3">
          <h2 id="closed-alerts" className="text-xl font-semibold">Recently closed</h2>
          {closed.map(card)}
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
