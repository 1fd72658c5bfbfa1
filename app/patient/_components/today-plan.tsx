import { Panel } from '@/components/ui/panel';
import { ExerciseList } from '@/components/patient/exercise-list';
import { AppLink } from '@/components/ui/app-link';
import { SkeletonLines } from '@/components/ui/skeleton';
import { ADHERENCE_DEFINITION, formatPercent } from '@/lib/clinical/adherence';
import { getTodayPlan } from '@/lib/dal/today';
import { holdPanelForTest } from '@/lib/testing/slow-panel';

const SAVED_WORDS: Record<string, string> = { done: 'marked done', partial: 'marked partly done', skipped: 'marked skipped' };

async function plan() {
  await holdPanelForTest('today-plan');
  return getTodayPlan();
}

/** After marking an exercise, the confirmation with a way back to change it (`?saved=<item>&status=<how>`). */
export async function SavedNotice({ saved, status }: { saved?: string; status?: string }) {
  if (!saved || !status || !SAVED_WORDS[status]) return null;
  const item = (await plan()).items.find((candidate) => candidate.planItemId === saved);
  if (!item) return null;
  return (
    <p role="status" className="rounded-lg border-l-4 border-green-700 bg-green-50 p-4 text-lg text-green-900">
      Saved: {item.name} {SAVED_WORDS[status]}.{' '}
      <AppLink href={`/patient/exercises/${item.planItemId}`} className="underline">
        Change or undo
      </AppLink>
    </p>
  );
}

function ExercisesFrame({ count, children }: { count: React.ReactNode; children: React.ReactNode }) {
  return (
    <section aria-labelledby="exercises-heading" className="space-y-3">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="exercises-heading" className="text-xl font-semibold">
          Today’s exercises
        </h2>
        {count}
      </div>
      {children}
    </section>
  );
}

export async function TodayExercises() {
  const { items } = await plan();
  const doneCount = items.filter((item) => item.doneToday >= item.dosage.timesPerDay).length;
  return (
    <ExercisesFrame count={items.length > 0 ? <p className="text-lg font-medium">{doneCount} of {items.length} done</p> : null}>
      <ExerciseList items={items} />
    </ExercisesFrame>
  );
}

export function TodayExercisesSkeleton() {
  return (
    <ExercisesFrame count={null}>
      <SkeletonLines label="today’s exercises" className="space-y-3" blocks={['h-28 rounded-2xl', 'h-28 rounded-2xl', 'h-28 rounded-2xl']} />
    </ExercisesFrame>
  );
}

function WeekFrame({ children }: { children: React.ReactNode }) {
  return (
    <Panel id="week-heading" size="large" title="This week">
      {children}
      <p className="mt-3 text-base text-slate-700">{ADHERENCE_DEFINITION}</p>
    </Panel>
  );
}

export async function TodayWeek() {
  const { adherence } = await plan();
  return (
    <WeekFrame>
      {adherence.fraction === null ? (
        <p className="mt-2 text-lg">No exercise sessions are due yet this week.</p>
      ) : (
        <>
          <p className="mt-2 text-lg">
            <strong className="text-3xl">{formatPercent(adherence.fraction)}</strong> of your exercise sessions so far ({adherence.logged} of {adherence.prescribed})
          </p>
          <div className="mt-3 h-3 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
            <div className="h-full rounded-full bg-brand-700" style={{ width: `${Math.round(adherence.fraction * 100)}%` }} />
          </div>
        </>
      )}
    </WeekFrame>
  );
}

export function TodayWeekSkeleton() {
  return (
    <WeekFrame>
      <SkeletonLines label="this week’s progress" className="mt-2 space-y-3" blocks={['h-9 w-3/4 rounded-md', 'h-3 rounded-full']} />
    </WeekFrame>
  );
}
