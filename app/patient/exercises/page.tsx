import type { Metadata } from 'next';
import { ExerciseList } from '@/components/patient/exercise-list';
import { AppLink } from '@/components/ui/app-link';
import { getTodayPlan } from '@/lib/dal/today';

export const metadata: Metadata = { title: 'My exercises' };

export default async function ExercisesPage() {
  const today = await getTodayPlan();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">My exercises</h1>
      <p className="text-lg">Tap an exercise to see how to do it and to mark it done.</p>
      <ExerciseList items={today.items} headingLevel={2} />
      {today.items.length > 0 ? (
        <p>
          <AppLink href="/patient/exercises/print" className="inline-flex min-h-11 items-center text-lg text-brand-800 underline">
            Print my plan on paper
          </AppLink>
        </p>
      ) : null}
    </div>
  );
}
