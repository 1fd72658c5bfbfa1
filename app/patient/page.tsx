import type { Metadata } from 'next';
import { loadPage } from '@/lib/auth/guard';
import { getPatientOverview } from '@/lib/dal/overview';
import { getViewer } from '@/lib/auth/viewer';
import { formatDateTime } from '@/lib/time';

export const metadata: Metadata = { title: 'Today' };

export default async function PatientHome() {
  const overview = await loadPage(getPatientOverview);
  const viewer = await getViewer();
  const timeZone = viewer?.timeZone ?? 'Europe/London';
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Hello, {overview.name.split(' ')[0]}</h1>
      <section aria-labelledby="care-heading" className="rounded-2xl border border-slate-200 bg-white p-5">
        <h2 id="care-heading" className="text-xl font-semibold">
          Your care
        </h2>
        <p className="mt-2 text-lg">
          {overview.clinicianName ? (
            <>
              Your physiotherapist is <strong>{overview.clinicianName}</strong>.
            </>
          ) : (
            'You are not under the care of a physiotherapist at the moment.'
          )}
        </p>
      </section>
      <section aria-labelledby="pain-heading" className="rounded-2xl border border-slate-200 bg-white p-5">
        <h2 id="pain-heading" className="text-xl font-semibold">
          Latest pain score
        </h2>
        {overview.latestPain ? (
          <p className="mt-2 text-lg">
            <strong className="text-3xl">{overview.latestPain.score}</strong> out of 10, logged{' '}
            {formatDateTime(overview.latestPain.recordedAt, timeZone)}
          </p>
        ) : (
          <p className="mt-2 text-lg">You haven’t logged any pain scores yet.</p>
        )}
      </section>
    </div>
  );
}
