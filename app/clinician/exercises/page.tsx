import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { AppLink } from '@/components/ui/app-link';
import { ExerciseForm } from '@/components/clinician/exercise-form';
import { formatDosage } from '@/lib/clinical/dosage';
import { CATEGORY_LABELS, EXERCISE_CATEGORIES, type ExerciseCategory } from '@/lib/content/exercises';
import { listExerciseLibrary } from '@/lib/dal/exercise-library';
import { createExerciseAction } from './actions';

export const metadata: Metadata = { title: 'Exercise library' };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

export default async function ExerciseLibraryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const q = one(params.q).slice(0, 100);
  const categoryParam = one(params.category);
  const category = (EXERCISE_CATEGORIES as readonly string[]).includes(categoryParam) ? categoryParam : '';
  const library = await listExerciseLibrary({ search: q, category: category || undefined });
  const categories = EXERCISE_CATEGORIES.map((key) => ({ value: key, label: CATEGORY_LABELS[key] }));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Exercise library</h1>
      <form method="get" role="search" aria-label="Search the library" className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3">
        <div>
          <label htmlFor="library-q" className="block text-sm font-medium">Search</label>
          <input id="library-q" name="q" type="search" defaultValue={q} maxLength={100} className="mt-1 min-h-10 w-64 rounded-md border border-slate-400 px-2" />
        </div>
        <div>
          <label htmlFor="library-category" className="block text-sm font-medium">Category</label>
          <select id="library-category" name="category" defaultValue={category} className="mt-1 min-h-10 rounded-md border border-slate-400 bg-white px-2">
            <option value="">All categories</option>
            {categories.map((option) => (
              <option key={option.value} value={option.value}>{option.label}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="min-h-10 rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800">Search</button>
        {q || category ? <AppLink href="/clinician/exercises" className="py-2 text-brand-800 underline">Clear</AppLink> : null}
      </form>
      <p className="text-slate-700">{library.length} exercises</p>
      <ul className="grid gap-3 md:grid-cols-2">
        {library.map((exercise) => (
          <li key={exercise.id} className="rounded-xl border border-slate-200 bg-white p-4">
            <h2 className="text-lg font-semibold">
              {exercise.name} {exercise.custom ? <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-800">Added by the clinic</span> : null}
            </h2>
            <p className="text-sm text-slate-700">{CATEGORY_LABELS[exercise.category as ExerciseCategory] ?? exercise.category} · {formatDosage(exercise.defaultDosage)}</p>
            {exercise.summary ? <p className="mt-1">{exercise.summary}</p> : null}
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-brand-800 underline">Instructions and safety<span className="sr-only"> for {exercise.name}</span></summary>
              <ol className="mt-2 list-decimal space-y-1 pl-5">
                {exercise.instructions.map((step, index) => <li key={index}>{step}</li>)}
              </ol>
              <p className="mt-2"><strong>Safety:</strong> {exercise.safetyNote}</p>
            </details>
          </li>
        ))}
      </ul>
      <section aria-labelledby="add-exercise" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="add-exercise" className="text-xl font-semibold">Add an exercise to the library</h2>
        <p className="mb-3 text-sm text-slate-700">Shared with every clinician in your clinic.</p>
        <ExerciseForm action={createExerciseAction} categories={categories} submissionId={randomUUID()} />
      </section>
    </div>
  );
}
