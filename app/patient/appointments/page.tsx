import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { VisitDetails } from '@/components/appointments/visit-details';
import { Panel } from '@/components/ui/panel';
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

      <VisitGroup headingId="coming-heading" title="Coming visits" emptyText="You have no visits booked." visits={data.upcoming} timeZone={timeZone} look="cards">
        {(visit) => (visit.status === 'booked' ? <UpcomingActions visit={visit} timeZone={timeZone} windowHours={data.cancellationWindowHours} /> : null)}
      </VisitGroup>

      <Panel id="feed-heading" size="large" title="See your visits in your own calendar" className="space-y-3">
        <p className="text-lg text-slate-700">
          A private address your calendar app (phone, Google, Outlook) can subscribe to. It lists your visits and keeps them up to date. It shows
          only the time, the clinic and who you see. You can turn it off at any time.
        </p>
        <CalendarFeed create={createCalendarFeedAction} revoke={revokeCalendarFeedAction} activeSince={feed ? formatDateTime(feed.since, timeZone) : null} />
      </Panel>

      <VisitGroup headingId="past-heading" title="Past visits" emptyText="No past visits yet." visits={data.past} timeZone={timeZone} look="rows" />
    </div>
  );
}

const VISIT_LIST = {
  cards: { list: 'space-y-3', item: 'space-y-3 rounded-2xl border border-slate-200 bg-white p-5 text-lg' },
  rows: { list: 'divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white', item: 'p-5 text-lg' },
} as const;

/** A titled list of visits, each with its details and what can be done with it (`children`), or the words for none. */
function VisitGroup({
  headingId,
  title,
  emptyText,
  visits,
  timeZone,
  look,
  children,
}: {
  headingId: string;
  title: string;
  emptyText: string;
  visits: PatientAppointment[];
  timeZone: string;
  look: keyof typeof VISIT_LIST;
  children?: (visit: PatientAppointment) => React.ReactNode;
}) {
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-xl font-semibold">
        {title}
      </h2>
      {visits.length === 0 ? (
        <p className="text-lg">{emptyText}</p>
      ) : (
        <ul className={VISIT_LIST[look].list}>
          {visits.map((visit) => (
            <li key={visit.id} className={VISIT_LIST[look].item}>
              <VisitDetails visit={visit} timeZone={timeZone} />
              {children?.(visit)}
            </li>
          ))}
        </ul>
      )}
    </section>
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
