import { AppLink } from '@/components/ui/app-link';
import { formatDosage } from '@/lib/clinical/dosage';
import { sentenceCase } from './text';
import type { TodayItem } from '@/lib/dal/today';

/** Today's exercises as large tappable cards with plain dosage and how many are done. */
export function ExerciseList({ items, headingLevel = 3 }: { items: TodayItem[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  if (items.length === 0) {
    return (
      <p className="rounded-2xl border border-slate-200 bg-white p-5 text-lg">
        Your physiotherapist hasn’t set any exercises yet. They will appear here when they do.
      </p>
    );
  }
  return (
    <ul className="space-y-3">
      {items.map((item) => {
        const complete = item.doneToday >= item.dosage.timesPerDay;
        return (
          <li key={item.planItemId}>
            <AppLink
              href={`/patient/exercises/${item.planItemId}`}
              className={`flex min-h-16 items-center gap-4 rounded-2xl border-2 bg-white p-4 hover:border-brand-700 ${complete ? 'border-green-700' : 'border-slate-200'}`}
            >
              <span
                aria-hidden="true"
                className={`flex size-10 shrink-0 items-center justify-center rounded-full text-xl font-bold ${complete ? 'bg-green-700 text-white' : 'border-2 border-slate-400 text-slate-500'}`}
              >
                {complete ? '✓' : ''}
              </span>
              <span className="flex-1">
                <Heading className="text-lg font-semibold text-slate-900">{item.name}</Heading>
                <span className="block text-base text-slate-800">{sentenceCase(formatDosage(item.dosage))}</span>
                <span className={`block text-base font-medium ${complete ? 'text-green-800' : 'text-slate-700'}`}>
                  {complete ? 'Done for today' : `Done ${item.doneToday} of ${item.dosage.timesPerDay} today`}
                  {item.skippedToday > 0 ? ` · skipped ${item.skippedToday}` : ''}
                </span>
              </span>
              <span aria-hidden="true" className="text-2xl text-slate-500">
                ›
              </span>
            </AppLink>
          </li>
        );
      })}
    </ul>
  );
}
