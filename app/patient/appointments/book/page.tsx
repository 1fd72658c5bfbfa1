import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { AppLink } from '@/components/ui/app-link';
import { guardArea, loadPage } from '@/lib/auth/guard';
import { listFollowUpSlots } from '@/lib/dal/availability';
import { formatClock, formatLongDay } from '@/lib/time';
import { bookFollowUpAction } from '../actions';
import { BookFollowUpForm, type SlotDay } from './book-form';

export const metadata: Metadata = { title: 'Book a follow-up' };

export default async function BookFollowUpPage() {
  const [viewer, options] = await Promise.all([guardArea('patient'), loadPage(() => listFollowUpSlots())]);
  const timeZone = viewer.timeZone;
  const days: SlotDay[] = [];
  for (const slot of options?.slots ?? []) {
    let day = days.at(-1);
    if (!day || day.label !== formatLongDay(slot.start, timeZone)) {
      day = { label: formatLongDay(slot.start, timeZone), slots: [] };
      days.push(day);
    }
    day.slots.push({ value: slot.start.toISOString(), label: formatClock(slot.start, timeZone) });
  }
  return (
    <div className="space-y-6">
      <p>
        <AppLink href="/patient/appointments" className="text-lg text-brand-800 underline">
          Back to appointments
        </AppLink>
      </p>
      <h1 className="text-3xl font-bold">Book a follow-up</h1>
      {!options ? (
        <p className="text-lg">You can book a follow-up while you are in care with the clinic.</p>
      ) : days.length === 0 ? (
        <p className="text-lg">
          {options.clinicianName} has no free times in the next {options.rules.horizonDays} days. Please phone the clinic to arrange a visit.
        </p>
      ) : (
        <>
          <p className="text-lg text-slate-700">
            A {options.rules.slotMinutes}-minute visit with {options.clinicianName}. Times are in your time zone ({timeZone}). You can cancel online up to{' '}
            {options.rules.cancellationWindowHours} hours before.
          </p>
          <BookFollowUpForm action={bookFollowUpAction} submissionId={randomUUID()} days={days} />
        </>
      )}
    </div>
  );
}
