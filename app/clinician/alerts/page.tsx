import type { Metadata } from 'next';
import { AlertCard } from '@/components/clinician/alert-card';
import { guardArea } from '@/lib/auth/guard';
import { listAlerts } from '@/lib/dal/alerts';

export const metadata: Metadata = { title: 'Alerts' };

export default async function AlertsPage() {
  const viewer = await guardArea('clinician');
  const { open, closed } = await listAlerts();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Alerts</h1>
        <p className="text-slate-700">
          {open.length === 0 ? 'No open alerts.' : `${open.length} open, red flags first.`} Red flags are never closed automatically.
        </p>
      </div>
      <section aria-labelledby="open-alerts" className="space-y-3">
        <h2 id="open-alerts" className="text-xl font-semibold">Open</h2>
        {open.map((alert) => (
          <AlertCard key={alert.id} alert={alert} timeZone={viewer.timeZone} />
        ))}
      </section>
      {closed.length > 0 ? (
        <section aria-labelledby="closed-alerts" className="space-y-3">
          <h2 id="closed-alerts" className="text-xl font-semibold">Recently closed</h2>
          {closed.map((alert) => (
            <AlertCard key={alert.id} alert={alert} timeZone={viewer.timeZone} />
          ))}
        </section>
      ) : null}
    </div>
  );
}
