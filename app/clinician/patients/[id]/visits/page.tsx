import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { VisitDetails } from '@/components/appointments/visit-details';
import { RecordNav } from '@/components/clinician/record-nav';
import type { Visit } from '@/lib/appointments/visit';
import { getEpisodeVisits } from '@/lib/dal/appointments';
import { localDay } from '@/lib/time';
import { bookVisitAction } from './actions';
import { VisitForm } from './visit-form';
import { loadRecordPage } from '../record-page';

export const metadata: Metadata = { title: 'Visits' };

export default async function VisitsPage({ params }: { params: Promise<{ id: string }> }) {
  const { viewer, data } = await loadRecordPage(params, getEpisodeVisits);
  const { heading, clinic, appointments } = data;
  const now = new Date();
  const upcoming = appointments.filter((visit) => visit.endsAt > now).reverse();
  const past = appointments.filter((visit) => visit.endsAt <= now);
  return (
    <div className="space-y-6">
      <RecordNav episodeId={heading.episodeId} patientName={heading.patientName} current="/visits" status={heading.status} />
      <h1 className="text-2xl font-bold">Visits: {heading.patientName}</h1>

      {heading.status === 'active' ? (
        <section aria-labelledby="book-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
          <h2 id="book-heading" className="text-xl font-semibold">
            Book a visit
          </h2>
          <VisitForm
            action={bookVisitAction.bind(null, heading.episodeId)}
            submissionId={randomUUID()}
            clinicTimeZone={clinic.timeZone}
            defaultMinutes={clinic.rules.slotMinutes}
            defaultPlace={(clinic.address ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean).join(', ')}
            defaultDay={localDay(now, clinic.timeZone)}
          />
        </section>
      ) : null}

      <section aria-labelledby="upcoming-heading" className="space-y-2">
        <h2 id="upcoming-heading" className="text-xl font-semibold">
          Coming visits
        </h2>
        <p className="text-sm text-slate-700">Times are shown in your time zone ({viewer.timeZone}).</p>
        {upcoming.length === 0 ? <p>No visits booked.</p> : <VisitList visits={upcoming} timeZone={viewer.timeZone} />}
      </section>
      <section aria-labelledby="past-heading" className="space-y-2">
        <h2 id="past-heading" className="text-xl font-semibold">
          Past visits
        </h2>
        {past.length === 0 ? <p>No past visits.</p> : <VisitList visits={past} timeZone={viewer.timeZone} />}
      </section>
    </div>
  );
}

function VisitList({ visits, timeZone }: { visits: Visit[]; timeZone: string }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
      {visits.map((visit) => (
        <li key={visit.id} className="p-4">
          <VisitDetails visit={visit} timeZone={timeZone} />
        </li>
      ))}
    </ul>
  );
}
