import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { VisitDetails } from '@/components/appointments/visit-details';
import { AppLink } from '@/components/ui/app-link';
import { guardArea, loadPage } from '@/lib/auth/guard';
import { listMyAppointments, type PatientAppointment } from '@/lib/dal/appointments';
import { getMyCalendarFeed } from '@/lib/dal/calendar';
import { formatDateTime, formatVisitTime } from '@/lib/time';
import { cancelAppointmentAction, createCalendarFeedAction, revokeCalendarFeedAction } from './actions';
import { CalendarFeed } from './calendar-feed';
import { CancelVisitForm } from './cancel-form';
import { MoveVisitForm } from './move-form';

export const metadata: Metadata = { title: 'Appointments' };

export default async function AppointmentsPage({ searchParams }: { searchParams: Promise<{ booked?: string }> }) {
  const [viewer, data, query, feed] = await Promise.all([guardArea('patient'), loadPage(() => listMyAppointments()), searchParams, loadPage(getMyCalendarFeed)]);
  const timeZone = viewer.timeZone;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Appointments</h1>
      {query.booked === '1' ? (
        <p role="status" className="rounded-lg border-l-4 border-green-700 bg-green-50 p-4 text-lg text-green-900">
          Your follow-up is booked.
        </p>
      ) : null}
      <p className="text-lg text-slate-700">Times are shown in your time zone ({timeZone}).</p>
      <AppLink href="/patient/appointments/book" className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-5 py-3 text-lg font-semibold text-white">
        Book a follow-up
      </AppLink>

      <section aria-labelledby="coming-heading" className="space-y-3">
        <h2 id="coming-heading" className="text-xl font-semibold">
          Coming visits
        </h2>
        {data.upcoming.length === 0 ? (
          <p className="text-lg">You have no visits booked.</p>
        ) : (
          <ul className="space-y-3">
            {data.upcoming.map((visit) => (
              <li key={visit.id} className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5 text-lg">
                <VisitDetails visit={visit} timeZone={timeZone} />
                {visit.status === 'booked' ? <UpcomingActions visit={visit} timeZone={timeZone} windowHours={data.cancellationWindowHours} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="feed-heading" className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5">
        <h2 id="feed-heading" className="text-xl font-semibold">
          See your visits in your own calendar
        </h2>
        <p className="text-lg text-slate-700">
          A private address your calendar app (phone, Google, Outlook) can subscribe to. It lists your visits and keeps them up to date. It shows
          only the time, the clinic and who you see. You can turn it off at any time.
        </p>
        <CalendarFeed create={createCalendarFeedAction} revoke={revokeCalendarFeedAction} activeSince={feed ? formatDateTime(feed.since, timeZone) : null} />
      </section>

      <section aria-labelledby="past-heading" className="space-y-3">
        <h2 id="past-heading" className="text-xl font-semibold">
          Past visits
        </h2>
        {data.past.length === 0 ? (
          <p className="text-lg">No past visits yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white">
            {data.past.map((visit) => (
              <li key={visit.id} className="p-5 text-lg">
                <VisitDetails visit={visit} timeZone={timeZone} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function UpcomingActions({ visit, timeZone, windowHours }: { visit: PatientAppointment; timeZone: string; windowHours: number }) {
  const label = formatVisitTime(visit.startsAt, visit.endsAt, timeZone);
  return (
    <div className="space-y-2">
      <a href={`/patient/appointments/${visit.id}/calendar`} className="inline-block text-brand-800 underline" download>
        Add to my calendar<span className="sr-only"> (visit on {label})</span> (.ics file)
      </a>
      {visit.canCancel ? (
        <>
          <p className="text-base text-slate-700">You can cancel online until {formatDateTime(visit.cancelBy, timeZone)}.</p>
          <CancelVisitForm action={cancelAppointmentAction} appointmentId={visit.id} visitLabel={label} />
        </>
      ) : (
        <p className="text-base text-slate-700">
          It is less than {windowHours} hours before this visit: to cancel or change it, please phone the clinic.
        </p>
      )}
      {visit.startsAt > new Date() ? <MoveVisitForm appointmentId={visit.id} submissionId={randomUUID()} visitLabel={label} /> : null}
    </div>
  );
}
