import type { Metadata } from 'next';
import { ExerciseList } from '@/components/patient/exercise-list';
import { getToday } from '@/lib/dal/today';

export const metadata: Metadata = { title: 'My exercises' };

export default async function ExercisesPage() {
  const today = await getToday();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">My exercises</h1>
      <p className="text-lg">Tap an exercise to see how to do it and to mark it done.</p>
      <ExerciseList items={today.items} headingLevel={2} />
    </div>
  );
}
