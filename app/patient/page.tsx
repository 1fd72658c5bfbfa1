import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { VisitDetails } from '@/components/appointments/visit-details';
import { Panel } from '@/components/ui/panel';
import { RedFlagMessage } from '@/components/patient/emergency-alert';
import { AppLink } from '@/components/ui/app-link';
import { guardArea, loadPage } from '@/lib/auth/guard';
import { emergencyServicesFor } from '@/lib/content/emergency-services';
import { getMyNextAppointment } from '@/lib/dal/appointments';
import { getTodayShell, getTodayStatus } from '@/lib/dal/today';
import { formatDateTime, formatLongDay } from '@/lib/time';
import { SavedNotice, TodayExercises, TodayExercisesSkeleton, TodayWeek, TodayWeekSkeleton } from './_components/today-plan';
import { TodayQuestionnaire, TodayQuestionnaireSkeleton } from './_components/today-questionnaire';
import { SafetyCheckForm, SafetyCheckIntro } from './safety-check/safety-check-form';

export const metadata: Metadata = { title: 'Today' };

const MORE_LINK = 'flex min-h-14 items-center justify-center rounded-xl border-2 border-slate-300 bg-white p-3 text-center text-lg font-semibold text-brand-800';

/**
 * What needs attention first (emergency advice, the safety questions, the next visit, the pain score) comes with the page;
 * the exercises, the week and the questionnaire stream in behind their own boundaries, each with a
 * skeleton of its size. The view is recorded once for all of them (lib/dal/today.ts).
 */
export default async function PatientToday({ searchParams }: { searchParams: Promise<{ saved?: string; status?: string }> }) {
  const [shell, status, viewer, query, nextVisit] = await Promise.all([
    loadPage(getTodayShell),
    loadPage(getTodayStatus),
    guardArea('patient'),
    searchParams,
    loadPage(() => getMyNextAppointment()),
  ]);
  const timeZone = viewer.timeZone;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Hello, {shell.name.split(' ')[0]}</h1>
        <p className="text-lg text-slate-700">{formatLongDay(new Date(), timeZone)}</p>
      </div>

      {status.recentEmergency ? <RedFlagMessage urgency="emergency" positives={[]} services={emergencyServicesFor(viewer.clinicCountry)} /> : null}

      {status.safetyCheckDue ? (
        <section aria-labelledby="safety-check-heading" className="space-y-4 rounded-2xl border-2 border-amber-600 bg-amber-50 p-5">
          <h2 id="safety-check-heading" className="text-xl font-bold text-slate-900">
            {status.safetyCheckDue === 'first' ? 'Before you start: 4 safety questions' : 'Your weekly safety questions'}
          </h2>
          <SafetyCheckIntro />
          <SafetyCheckForm submissionId={randomUUID()} />
        </section>
      ) : null}

      {nextVisit ? (
        <Panel id="next-visit-heading" size="large" title="Your next visit" className="space-y-2 text-lg">
          <VisitDetails visit={nextVisit} timeZone={timeZone} />
          <AppLink href="/patient/appointments" className="inline-block text-brand-800 underline">
            All your appointments
          </AppLink>
        </Panel>
      ) : null}

      <Suspense fallback={null}>
        <SavedNotice saved={query.saved} status={query.status} />
      </Suspense>

      <Panel id="pain-heading" size="large" title="Latest pain score">
        {status.latestPain ? (
          <p className="mt-2 text-lg">
            <strong className="text-3xl">{status.latestPain.score}</strong> out of 10, logged {formatDateTime(status.latestPain.recordedAt, timeZone)}
          </p>
        ) : (
          <p className="mt-2 text-lg">You haven’t logged any pain scores yet.</p>
        )}
        {shell.episodeActive ? (
          <nav aria-labelledby="quick-pain-heading" className="mt-4">
            <h3 id="quick-pain-heading" className="text-lg font-medium">
              {status.loggedPainToday ? 'Log again: how bad is your pain now?' : 'How bad is your pain now? Tap a number.'}
            </h3>
            <ul className="mt-2 grid grid-cols-6 gap-2 sm:grid-cols-11">
              {Array.from({ length: 11 }, (_, score) => (
                <li key={score}>
                  <AppLink
                    href={`/patient/pain/new?score=${score}`}
                    aria-label={`Log pain ${score} out of 10`}
                    className="flex min-h-12 items-center justify-center rounded-lg border-2 border-slate-400 text-lg font-semibold hover:border-brand-700 hover:bg-brand-50"
                  >
                    {score}
                  </AppLink>
                </li>
              ))}
            </ul>
            <p className="mt-2 flex justify-between text-sm text-slate-700">
              <span>0 = no pain</span>
              <span>10 = worst imaginable</span>
            </p>
          </nav>
        ) : null}
      </Panel>

      <Suspense fallback={<TodayExercisesSkeleton />}>
        <TodayExercises />
      </Suspense>

      <Suspense fallback={<TodayWeekSkeleton />}>
        <TodayWeek />
      </Suspense>

      <Suspense fallback={<TodayQuestionnaireSkeleton />}>
        <TodayQuestionnaire today={shell.today} timeZone={timeZone} />
      </Suspense>

      <nav aria-label="More for you" className="grid grid-cols-2 gap-3">
        <AppLink href="/patient/progress" className={MORE_LINK}>
          See my progress
        </AppLink>
        <AppLink href="/patient/learn" className={MORE_LINK}>
          Learn about back pain
        </AppLink>
      </nav>

      <Panel id="care-heading" size="large" title="Your care">
        <p className="mt-2 text-lg">
          {shell.clinicianName ? (
            <>
              Your physiotherapist is <strong>{shell.clinicianName}</strong>.
            </>
          ) : (
            'You are not under the care of a physiotherapist at the moment.'
          )}
        </p>
        {shell.episodeActive ? (
          <p className="mt-2 text-lg">
            Noticed something new or different?{' '}
            <AppLink href="/patient/safety-check" className="text-brand-800 underline">
              Answer the safety questions
            </AppLink>
          </p>
        ) : null}
      </Panel>
    </div>
  );
}
