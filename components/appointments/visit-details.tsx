import { APPOINTMENT_KIND_LABELS, ATTENDANCE_LABELS } from '@/lib/appointments/rules';
import type { Visit } from '@/lib/appointments/visit';
import { formatVisitTime } from '@/lib/time';

/** One visit's when, how and where, in the viewer's zone. */
export function VisitDetails({ visit, timeZone, headingLevel = 'h3' }: { visit: Visit; timeZone: string; headingLevel?: 'h2' | 'h3' }) {
  const Heading = headingLevel;
  return (
    <div className="space-y-1">
      <Heading className="font-semibold">
        {formatVisitTime(visit.startsAt, visit.endsAt, timeZone)}
        {visit.status === 'cancelled' ? <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-sm font-medium text-slate-800">Cancelled</span> : null}
        {visit.attendance ? <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-sm font-medium text-slate-800">{ATTENDANCE_LABELS[visit.attendance]}</span> : null}
      </Heading>
      <p>
        {APPOINTMENT_KIND_LABELS[visit.kind]} with {visit.clinicianName}
        {visit.kind === 'in-person' && visit.location ? <>, at {visit.location}</> : null}
      </p>
      {visit.kind === 'video' && visit.videoUrl && visit.status === 'booked' ? (
        <p>
          <a href={visit.videoUrl} className="text-brand-800 underline" rel="noreferrer noopener" target="_blank">
            Join the video call<span className="sr-only"> (opens in a new tab)</span>
          </a>
        </p>
      ) : null}
    </div>
  );
}
