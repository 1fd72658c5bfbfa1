import type { Metadata } from 'next';
import type { ComponentProps } from 'react';
import { ItemList } from '@/components/ui/item-list';
import { guardArea, loadPage } from '@/lib/auth/guard';
import { getMyAvailability } from '@/lib/dal/availability';
import { formatDate, localDay } from '@/lib/time';
import { addExceptionAction, addWeeklyWindowAction, removeExceptionAction, removeWeeklyWindowAction } from './actions';
import { ExceptionForm, RemoveForm, WeeklyWindowForm } from './availability-forms';
import { CHANGE_KINDS } from './change-kinds';
import { WEEKDAYS } from '@/lib/appointments/rules';

export const metadata: Metadata = { title: 'Availability' };

export default async function AvailabilityPage() {
  const viewer = await guardArea('clinician');
  const { clinic, weekly, exceptions } = await loadPage(() => getMyAvailability());
  const today = localDay(new Date(), clinic.timeZone);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Availability</h1>
      <p className="max-w-3xl text-slate-700">
        Patients book follow-ups with you in these hours: {clinic.rules.slotMinutes}-minute slots, up to {clinic.rules.horizonDays} days ahead. Times are the
        clinic’s ({clinic.timeZone}). Once you publish hours, visits you book yourself must fall within them too.
      </p>

      <section aria-labelledby="weekly-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="weekly-heading" className="text-xl font-semibold">
          Weekly hours
        </h2>
        <RemovableList
          empty="No hours published yet: patients cannot book with you online."
          action={removeWeeklyWindowAction}
          items={weekly.map((window) => ({ id: window.id, label: `${WEEKDAYS[window.weekday - 1]} ${window.startTime}–${window.endTime}` }))}
        />
        <h3 className="font-semibold">Add weekly hours</h3>
        <WeeklyWindowForm action={addWeeklyWindowAction} clinicTimeZone={clinic.timeZone} />
      </section>

      <section aria-labelledby="exceptions-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="exceptions-heading" className="text-xl font-semibold">
          Time off and extra hours
        </h2>
        <RemovableList
          empty="No changes from today on."
          action={removeExceptionAction}
          items={exceptions.map((exception) => {
            const when = exception.startTime ? `${exception.startTime}–${exception.endTime}` : 'all day';
            return { id: exception.id, label: `${CHANGE_KINDS[exception.kind]} on ${formatDate(exception.day, viewer.timeZone)}, ${when}` };
          })}
        />
        <h3 className="font-semibold">Add a change</h3>
        <ExceptionForm action={addExceptionAction} clinicTimeZone={clinic.timeZone} today={today} />
      </section>
    </div>
  );
}

/** Published hours or changes, each with its Remove button (named by the item for screen readers). */
function RemovableList({ items, empty, action }: { items: { id: string; label: string }[]; empty: string; action: ComponentProps<typeof RemoveForm>['action'] }) {
  return <ItemList empty={empty} items={items.map(({ id, label }) => ({ key: id, title: label, action: <RemoveForm action={action} id={id} label={label} /> }))} />;
}
