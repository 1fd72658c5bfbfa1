import type { Metadata } from 'next';
import { FlagBadge, FlagLegend } from '@/components/clinician/flag-badge';
import { AppLink } from '@/components/ui/app-link';
import { APPOINTMENT_KIND_LABELS, ATTENDANCE_LABELS } from '@/lib/appointments/rules';
import { guardArea, loadPage } from '@/lib/auth/guard';
import { formatPercent } from '@/lib/clinical/adherence';
import { CASELOAD_FLAGS } from '@/lib/dal/caseload';
import { getClinicianDay, SINCE_LAST_VISIT, type DayVisit } from '@/lib/dal/clinician-day';
import { addDays, formatClock, formatDate, formatLongDay, isCalendarDay, localDay, startOfDayIn } from '@/lib/time';
import { recordAttendanceAction } from './actions';
import { AttendanceForm } from './attendance-form';

export const metadata: Metadata = { title: 'Day' };

export default async function ClinicianDayPage({ searchParams }: { searchParams: Promise<{ date?: string }> }) {
  const [viewer, query] = await Promise.all([guardArea('clinician'), searchParams]);
  const today = localDay(new Date(), viewer.timeZone);
  const day = query.date && isCalendarDay(query.date) ? query.date : today;
  const visits = await loadPage(() => getClinicianDay(day));
  const now = new Date();
  const heading = formatLongDay(startOfDayIn(day, viewer.timeZone), viewer.timeZone);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">
          {day === today ? 'Today' : 'Day'}: {heading}
        </h1>
        <nav aria-label="Other days" className="flex gap-3">
          <AppLink href={`/clinician/day?date=${addDays(day, -1)}`} className="text-brand-800 underline">
            Previous day
          </AppLink>
          {day !== today ? (
            <AppLink href="/clinician/day" className="text-brand-800 underline">
              Today
            </AppLink>
          ) : null}
          <AppLink href={`/clinician/day?date=${addDays(day, 1)}`} className="text-brand-800 underline">
            Next day
          </AppLink>
        </nav>
      </div>
      <p className="text-sm text-slate-700">
        Times in your time zone ({viewer.timeZone}). {SINCE_LAST_VISIT}
      </p>
      <FlagLegend reasons={CASELOAD_FLAGS} />
      {visits.length === 0 ? (
        <p>No visits on this day.</p>
      ) : (
        <ol className="space-y-3">
          {visits.map((visit) => (
            <li key={visit.id}>
              <VisitCard visit={visit} timeZone={viewer.timeZone} started={visit.startsAt <= now} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function VisitCard({ visit, timeZone, started }: { visit: DayVisit; timeZone: string; started: boolean }) {
  const change = visit.painNow === null ? null : visit.painNow - visit.painThen;
  return (
    <article aria-label={`${formatClock(visit.startsAt, timeZone)} ${visit.patientName}`} className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">
          {formatClock(visit.startsAt, timeZone)}–{formatClock(visit.endsAt, timeZone)}{' '}
          <AppLink href={`/clinician/patients/${visit.episodeId}`} className="text-brand-800 underline">
            {visit.patientName}
          </AppLink>
        </h2>
        <p className="text-sm text-slate-700">
          {APPOINTMENT_KIND_LABELS[visit.kind]}
          {visit.kind === 'in-person' && visit.location ? `, ${visit.location}` : ''} · with {visit.clinicianName}
          {visit.status === 'cancelled' ? ' · Cancelled' : ''}
        </p>
      </div>
      {visit.flags.length > 0 ? (
        <p className="flex flex-wrap gap-1">
          <span className="sr-only">Flags: </span>
          {visit.flags.map((flag) => (
            <FlagBadge key={flag} reason={flag} />
          ))}
        </p>
      ) : (
        <p className="text-sm text-slate-700">No flags.</p>
      )}
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
        <div>
          <dt className="font-medium">{visit.sinceLastVisit ? `Since the last visit (${formatDate(visit.since, timeZone)})` : 'Since care started'}</dt>
          <dd>{visit.sinceLastVisit ? 'Last visit attended' : `${formatDate(visit.since, timeZone)}, no visit before`}</dd>
        </div>
        <div>
          <dt className="font-medium">Pain then → now</dt>
          <dd>
            {visit.painThen} → {visit.painNow ?? 'no score logged'}
            {change === null ? '' : change === 0 ? ' (no change)' : change < 0 ? ` (${change}, better)` : ` (+${change}, worse)`}
          </dd>
        </div>
        <div>
          <dt className="font-medium">Adherence</dt>
          <dd>{visit.adherence === null ? 'No sessions asked for' : `${formatPercent(visit.adherence)} (${Math.min(visit.logged, visit.prescribed)} of ${visit.prescribed} sessions)`}</dd>
        </div>
      </dl>
      {visit.status === 'booked' ? (
        started ? (
          <AttendanceForm action={recordAttendanceAction} appointmentId={visit.id} current={visit.attendance} patientName={visit.patientName} />
        ) : (
          <p className="text-sm text-slate-700">Attendance can be recorded once the visit has started.</p>
        )
      ) : null}
      {visit.attendance ? <p className="text-sm font-medium">Recorded: {ATTENDANCE_LABELS[visit.attendance]}</p> : null}
    </article>
  );
}
