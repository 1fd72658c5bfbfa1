import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { AppLink } from '@/components/ui/app-link';
import { RedFlagMessage } from '@/components/patient/emergency-alert';
import { emergencyServicesFor } from '@/lib/content/emergency-services';
import { ExerciseList } from '@/components/patient/exercise-list';
import { guardArea, loadPage } from '@/lib/auth/guard';
import { ADHERENCE_DEFINITION, formatPercent } from '@/lib/clinical/adherence';
import { INSTRUMENT_INFO, INSTRUMENT_NAMES } from '@/lib/clinical/instruments';
import { getMyNextAppointment } from '@/lib/dal/appointments';
import { getToday } from '@/lib/dal/today';
import { formatDate, formatDateTime, formatLongDay } from '@/lib/time';
import { VisitDetails } from '@/components/appointments/visit-details';
import { SafetyCheckForm, SafetyCheckIntro } from './safety-check/safety-check-form';

export const metadata: Metadata = { title: 'Today' };

const SAVED_WORDS: Record<string, string> = { done: 'marked done', partial: 'marked partly done', skipped: 'marked skipped' };

export default async function PatientToday({ searchParams }: { searchParams: Promise<{ saved?: string; status?: string }> }) {
  const [today, viewer, query, nextVisit] = await Promise.all([loadPage(getToday), guardArea('patient'), searchParams, loadPage(() => getMyNextAppointment())]);
  const timeZone = viewer.timeZone;
  const savedItem = query.saved ? today.items.find((item) => item.planItemId === query.saved) : undefined;
  const doneCount = today.items.filter((item) => item.doneToday >= item.dosage.timesPerDay).length;
  const longDate = formatLongDay(new Date(), timeZone);
  const next = today.nextQuestionnaire;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Hello, {today.name.split(' ')[0]}</h1>
        <p className="text-lg text-slate-700">{longDate}</p>
      </div>

      {today.recentEmergency ? <RedFlagMessage urgency="emergency" positives={[]} services={emergencyServicesFor(viewer.clinicCountry)} /> : null}

      {today.safetyCheckDue ? (
        <section aria-labelledby="safety-check-heading" className="space-y-4 rounded-2xl border-2 border-amber-600 bg-amber-50 p-5">
          <h2 id="safety-check-heading" className="text-xl font-bold text-slate-900">
            {today.safetyCheckDue === 'first' ? 'Before you start: 4 safety questions' : 'Your weekly safety questions'}
          </h2>
          <SafetyCheckIntro />
          <SafetyCheckForm submissionId={randomUUID()} />
        </section>
      ) : null}

      {nextVisit ? (
        <section aria-labelledby="next-visit-heading" className="space-y-2 rounded-2xl border border-slate-200 bg-white p-5 text-lg">
          <h2 id="next-visit-heading" className="text-xl font-semibold">
            Your next visit
          </h2>
          <VisitDetails visit={nextVisit} timeZone={timeZone} />
          <AppLink href="/patient/appointments" className="inline-block text-brand-800 underline">
            All your appointments
          </AppLink>
        </section>
      ) : null}

      {savedItem && query.status && SAVED_WORDS[query.status] ? (
        <p role="status" className="rounded-lg border-l-4 border-green-700 bg-green-50 p-4 text-lg text-green-900">
          Saved: {savedItem.name} {SAVED_WORDS[query.status]}.{' '}
          <AppLink href={`/patient/exercises/${savedItem.planItemId}`} className="underline">
            Change or undo
          </AppLink>
        </p>
      ) : null}

      <section aria-labelledby="pain-heading" className="rounded-2xl border border-slate-200 bg-white p-5">
        <h2 id="pain-heading" className="text-xl font-semibold">
          Latest pain score
        </h2>
        {today.latestPain ? (
          <p className="mt-2 text-lg">
            <strong className="text-3xl">{today.latestPain.score}</strong> out of 10, logged{' '}
            {formatDateTime(today.latestPain.recordedAt, timeZone)}
          </p>
        ) : (
          <p className="mt-2 text-lg">You haven’t logged any pain scores yet.</p>
        )}
        {today.episodeActive ? (
          <nav aria-labelledby="quick-pain-heading" className="mt-4">
            <h3 id="quick-pain-heading" className="text-lg font-medium">
              {today.loggedPainToday ? 'Log again: how bad is your pain now?' : 'How bad is your pain now? Tap a number.'}
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
      </section>

      <section aria-labelledby="exercises-heading" className="space-y-3">
        <div className="flex items-baseline justify-between gap-3">
          <h2 id="exercises-heading" className="text-xl font-semibold">
            Today’s exercises
          </h2>
          {today.items.length > 0 ? (
            <p className="text-lg font-medium">
              {doneCount} of {today.items.length} done
            </p>
          ) : null}
        </div>
        <ExerciseList items={today.items} />
      </section>

      <section aria-labelledby="week-heading" className="rounded-2xl border border-slate-200 bg-white p-5">
        <h2 id="week-heading" className="text-xl font-semibold">
          This week
        </h2>
        {today.adherence.fraction === null ? (
          <p className="mt-2 text-lg">No exercise sessions are due yet this week.</p>
        ) : (
          <>
            <p className="mt-2 text-lg">
              <strong className="text-3xl">{formatPercent(today.adherence.fraction)}</strong> of your exercise sessions so
              far ({today.adherence.logged} of {today.adherence.prescribed})
            </p>
            <div className="mt-3 h-3 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
              <div className="h-full rounded-full bg-brand-700" style={{ width: `${Math.round(today.adherence.fraction * 100)}%` }} />
            </div>
          </>
        )}
        <p className="mt-3 text-base text-slate-700">{ADHERENCE_DEFINITION}</p>
      </section>

      <section aria-labelledby="questionnaire-heading" className="rounded-2xl border border-slate-200 bg-white p-5">
        <h2 id="questionnaire-heading" className="text-xl font-semibold">
          Questionnaires
        </h2>
        {next?.due ? (
          <>
            <p className="mt-2 text-lg">
              {next.due.isDue ? (
                <>
                  <strong>{INSTRUMENT_NAMES[next.instrument]}</strong> is due now
                  {next.due.dueDay < today.today ? ` (since ${formatDate(next.due.dueDay, timeZone)})` : ''}.
                </>
              ) : (
                <>
                  Next: <strong>{INSTRUMENT_NAMES[next.instrument]}</strong> on {formatDate(next.due.dueDay, timeZone)}.
                </>
              )}
            </p>
            <AppLink
              href={next.due.isDue ? `/patient/questionnaires/${INSTRUMENT_INFO[next.instrument].slug}` : '/patient/questionnaires'}
              className="mt-3 inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-5 py-3 text-lg font-semibold text-white"
            >
              {next.due.isDue ? (next.inProgress ? 'Carry on where you left off' : 'Start now') : 'See questionnaires'}
            </AppLink>
          </>
        ) : (
          <p className="mt-2 text-lg">Nothing is due at the moment.</p>
        )}
      </section>

      <nav aria-label="More for you" className="grid grid-cols-2 gap-3">
        <AppLink href="/patient/progress" className="flex min-h-14 items-center justify-center rounded-xl border-2 border-slate-300 bg-white p-3 text-center text-lg font-semibold text-brand-800">
          See my progress
        </AppLink>
        <AppLink href="/patient/learn" className="flex min-h-14 items-center justify-center rounded-xl border-2 border-slate-300 bg-white p-3 text-center text-lg font-semibold text-brand-800">
          Learn about back pain
        </AppLink>
      </nav>

      <section aria-labelledby="care-heading" className="rounded-2xl border border-slate-200 bg-white p-5">
        <h2 id="care-heading" className="text-xl font-semibold">
          Your care
        </h2>
        <p className="mt-2 text-lg">
          {today.clinicianName ? (
            <>
              Your physiotherapist is <strong>{today.clinicianName}</strong>.
            </>
          ) : (
            'You are not under the care of a physiotherapist at the moment.'
          )}
        </p>
        {today.episodeActive ? (
          <p className="mt-2 text-lg">
            Noticed something new or different?{' '}
            <AppLink href="/patient/safety-check" className="text-brand-800 underline">
              Answer the safety questions
            </AppLink>
          </p>
        ) : null}
      </section>
    </div>
  );
}
