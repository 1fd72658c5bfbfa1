import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { BackLink } from '@/components/patient/back-link';
import { Panel } from '@/components/ui/panel';
import { ExerciseDrawing } from '@/components/patient/exercise-drawing';
import { sentenceCase } from '@/components/patient/text';
import { guardArea, loadRecord } from '@/lib/auth/guard';
import { formatDosage } from '@/lib/clinical/dosage';
import { CATEGORY_LABELS, type ExerciseCategory } from '@/lib/content/exercises';
import { getPlanItemDetail } from '@/lib/dal/exercise-logs';
import { formatDateTime } from '@/lib/time';
import { SKIP_REASON_LABELS } from '@/lib/validation/exercise-log';
import { LogExerciseForm, UndoLogForm } from './log-exercise-form';

export const metadata: Metadata = { title: 'Exercise' };

const STATUS_WORDS = { done: 'Done', partial: 'Partly done', skipped: 'Skipped' } as const;

export default async function ExercisePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const item = await loadRecord(id, getPlanItemDetail);
  const viewer = await guardArea('patient');
  const timeZone = viewer.timeZone;
  const done = item.todayLogs.filter((log) => log.status !== 'skipped').length;
  return (
    <article className="space-y-6">
      <BackLink href="/patient">Today</BackLink>
      <header>
        <p className="text-base text-slate-700">{CATEGORY_LABELS[item.category as ExerciseCategory] ?? item.category}</p>
        <h1 className="text-3xl font-bold">{item.name}</h1>
        <p className="mt-2 text-xl font-semibold text-brand-800">{sentenceCase(formatDosage(item.dosage))}</p>
        <p className="mt-1 text-lg">
          Done today: {done} of {item.dosage.timesPerDay}
        </p>
      </header>
      {item.illustration ? (
        <ExerciseDrawing src={item.illustration} name={item.name} summary={item.summary} className="w-full max-w-md rounded-2xl border border-slate-200 bg-white" />
      ) : null}
      <Panel id="how-heading" size="large" title="How to do it">
        <ol className="mt-3 list-decimal space-y-2 pl-6 text-lg">
          {item.instructions.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        {item.instructionsNote ? (
          <p className="mt-3 rounded-lg bg-brand-50 p-3 text-lg">
            <strong>Note from your physio:</strong> {item.instructionsNote}
          </p>
        ) : null}
      </Panel>
      <Panel id="pain-ok-heading" size="large" title="How much pain is OK?">
        <p className="mt-2 text-lg">{item.acceptablePain}</p>
      </Panel>
      <section aria-labelledby="safety-heading" className="rounded-2xl border-2 border-amber-600 bg-amber-50 p-5">
        <h2 id="safety-heading" className="text-xl font-semibold">
          Stay safe
        </h2>
        <p className="mt-2 text-lg">{item.safetyNote}</p>
      </section>
      {item.todayLogs.length > 0 ? (
        <Panel id="today-heading" size="large" title="Logged today">
          <ul className="mt-3 space-y-3">
            {item.todayLogs.map((log) => {
              const when = formatDateTime(log.loggedAt, timeZone);
              return (
                <li key={log.id} className="flex flex-wrap items-center justify-between gap-3 text-lg">
                  <span>
                    {STATUS_WORDS[log.status]} at {when.split(', ').at(-1)}
                    {log.skipReason ? ` — ${SKIP_REASON_LABELS[log.skipReason as keyof typeof SKIP_REASON_LABELS] ?? ''}` : ''}
                    {log.painDuring !== null ? ` — pain ${log.painDuring}/10` : ''}
                  </span>
                  {item.canLog ? <UndoLogForm logId={log.id} label={`${STATUS_WORDS[log.status].toLowerCase()} at ${when}`} /> : null}
                </li>
              );
            })}
          </ul>
        </Panel>
      ) : null}
      {item.canLog ? (
        <section aria-labelledby="log-heading" className="rounded-2xl border border-slate-200 bg-white p-5">
          <h2 id="log-heading" className="mb-4 text-2xl font-semibold">
            Mark this exercise
          </h2>
          <LogExerciseForm planItemId={item.planItemId} submissionId={randomUUID()} sets={item.dosage.sets} setWord={item.dosage.reps === null ? 'rounds' : 'sets'} />
        </section>
      ) : null}
    </article>
  );
}
