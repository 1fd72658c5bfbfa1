'use client';

/** One event of the record's timeline in words; the time is already in the viewer's time zone. */
export type TimelineRowView = { at: string; kind: string; title: string; detail: string | null };

/**
 * The record's timeline, a client component fed plain words (see `CaseloadRows`): its events travel to the
 * browser as data, and the server renders them once.
 */
export function TimelineList({ events }: { events: TimelineRowView[] }) {
  return (
    <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
      {events.map((event, index) => (
        // On a phone the time and kind share the first line and the event takes the full width below.
        <li key={index} className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 px-3 py-2 text-sm sm:grid-cols-[9rem_7rem_minmax(0,1fr)]">
          <span className="text-slate-700">{event.at}</span>
          <span className="font-semibold">{event.kind}</span>
          <span className="col-span-2 break-words sm:col-span-1">
            {event.title}
            {event.detail ? <span className="block text-slate-700">{event.detail}</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
