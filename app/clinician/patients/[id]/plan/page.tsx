import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { AppLink } from '@/components/ui/app-link';
import { notFound } from 'next/navigation';
import { PlanEditor, type EditorExercise, type EditorItem, type EditorTemplate } from '@/components/clinician/plan-editor';
import { RecordNav } from '@/components/clinician/record-nav';
import { guardArea } from '@/lib/auth/guard';
import { formatDosage } from '@/lib/clinical/dosage';
import { CATEGORY_LABELS, EXERCISE_CATEGORIES, type ExerciseCategory } from '@/lib/content/exercises';
import { PLAN_TEMPLATES } from '@/lib/content/templates';
import { listExerciseLibrary } from '@/lib/dal/exercise-library';
import { getPlan } from '@/lib/dal/plans';
import { formatDateTime } from '@/lib/time';
import { savePlanAction } from './actions';

export const metadata: Metadata = { title: 'Exercise plan' };

const categoryLabel = (category: string) => CATEGORY_LABELS[category as ExerciseCategory] ?? category;

export default async function PlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ version?: string }>;
}) {
  const { id } = await params;
  const { version } = await searchParams;
  const viewer = await guardArea('clinician');
  const requested = version && /^\d{1,6}$/.test(version) ? Number(version) : undefined;
  const plan = await getPlan(id, requested);
  if (!plan) notFound();
  const library = await listExerciseLibrary();
  const bySlug = new Map(library.map((exercise) => [exercise.slug, exercise]));
  const editorLibrary: EditorExercise[] = library.map((exercise) => ({
    id: exercise.id,
    name: exercise.name,
    category: exercise.category,
    categoryLabel: categoryLabel(exercise.category),
    summary: exercise.summary,
    dosage: exercise.defaultDosage,
  }));
  const templates: EditorTemplate[] = PLAN_TEMPLATES.map((template) => ({
    key: template.key,
    name: template.name,
    description: template.description,
    items: template.items.flatMap((item) => {
      const exercise = bySlug.get(item.slug);
      if (!exercise) return [];
      return [{ exerciseId: exercise.id, exerciseName: exercise.name, instructionsNote: null, ...exercise.defaultDosage, ...item.dosage }];
    }),
  }));
  const viewingOld = plan.shownVersion !== null && plan.shownVersion !== plan.currentVersion;
  const editable = plan.heading.status === 'active' && !viewingOld;
  const initialItems: EditorItem[] = plan.items.map((item) => ({ ...item }));

  return (
    <div className="space-y-6">
      <RecordNav episodeId={plan.heading.episodeId} patientName={plan.heading.patientName} current="/plan" status={plan.heading.status} />
      <h1 className="text-2xl font-bold">
        Exercise plan: {plan.heading.patientName}
        {plan.shownVersion ? <span className="ml-2 text-lg font-normal text-slate-700">version {plan.shownVersion}{viewingOld ? ' (old)' : ''}</span> : null}
      </h1>
      {editable ? (
        <PlanEditor
          action={savePlanAction.bind(null, plan.heading.episodeId)}
          reloadHref={`/clinician/patients/${plan.heading.episodeId}/plan`}
          submissionId={randomUUID()}
          baseVersion={plan.currentVersion}
          initialItems={initialItems}
          library={editorLibrary}
          templates={templates}
          categories={EXERCISE_CATEGORIES.map((key) => ({ key, label: CATEGORY_LABELS[key] }))}
        />
      ) : (
        <section aria-labelledby="plan-items" className="rounded-xl border border-slate-200 bg-white p-4">
          <h2 id="plan-items" className="text-lg font-semibold">Exercises in version {plan.shownVersion ?? '—'}</h2>
          {viewingOld ? (
            <p className="text-sm">
              This is an old version, kept for the record.{' '}
              <AppLink href={`/clinician/patients/${plan.heading.episodeId}/plan`} className="text-brand-800 underline">Go to the current version</AppLink>
            </p>
          ) : null}
          {plan.note ? <p className="mt-1 text-sm text-slate-700">Note: {plan.note}</p> : null}
          <ol className="mt-3 list-decimal space-y-1 pl-6">
            {plan.items.map((item, index) => (
              <li key={index}>
                <span className="font-medium">{item.exerciseName}</span> — {formatDosage(item)}
                {item.instructionsNote ? <span className="block text-sm text-slate-700">{item.instructionsNote}</span> : null}
              </li>
            ))}
          </ol>
        </section>
      )}
      {plan.currentVersion > 0 ? (
        <p>
          <AppLink href={`/clinician/patients/${plan.heading.episodeId}/plan/print`} className="font-semibold text-brand-800 underline">
            Print the current plan
          </AppLink>
        </p>
      ) : null}
      <section aria-labelledby="plan-versions" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="plan-versions" className="text-lg font-semibold">Versions</h2>
        {plan.versions.length === 0 ? <p className="text-slate-700">No plan saved yet.</p> : null}
        <ul className="mt-2 divide-y divide-slate-100">
          {plan.versions.map((entry) => (
            <li key={entry.version} className="flex flex-wrap items-baseline gap-x-3 py-2 text-sm">
              <AppLink href={`/clinician/patients/${plan.heading.episodeId}/plan?version=${entry.version}`} aria-current={entry.version === plan.shownVersion ? 'page' : undefined} className="font-semibold text-brand-800 underline">
                Version {entry.version}
                {entry.version === plan.currentVersion ? ' (current)' : ''}
              </AppLink>
              <span>{formatDateTime(entry.createdAt, viewer.timeZone)} by {entry.createdByName}</span>
              <span>{entry.itemCount} exercises</span>
              {entry.note ? <span className="text-slate-700">{entry.note}</span> : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
