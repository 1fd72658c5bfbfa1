import { TimeZoneList } from '@/components/ui/time-zone-list';
import { getMyTimeZone } from '@/lib/dal/time-zones';
import { formatDateTime } from '@/lib/time';
import { TimeZoneForm } from './time-zone-form';

/** The account page's time zone panel: which zone the person's days are counted and shown in. */
export async function TimeZoneSection() {
  const zone = await getMyTimeZone();
  return (
    <section aria-labelledby="time-zone-heading" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id="time-zone-heading" className="mb-2 text-xl font-semibold">
        Time zone
      </h2>
      <p className="mb-4 text-slate-700">
        Your days, such as which day a pain score counts for, follow this time zone. It is now {formatDateTime(new Date(), zone.effective)} in{' '}
        {zone.effective.replace(/_/g, ' ')}.
      </p>
      <TimeZoneForm own={zone.own} clinic={zone.clinic} listId="time-zone-names" />
      <TimeZoneList id="time-zone-names" />
    </section>
  );
}
