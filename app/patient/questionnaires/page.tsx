import type { Metadata } from 'next';
import { AppLink } from '@/components/ui/app-link';
import { describeResult } from '@/components/patient/questionnaire-result-text';
import { guardArea } from '@/lib/auth/guard';
import { INSTRUMENT_INFO, INSTRUMENT_NAMES } from '@/lib/clinical/instruments';
import { listQuestionnaireStatus } from '@/lib/dal/questionnaires';
import { formatDate, localDay } from '@/lib/time';

export const metadata: Metadata = { title: 'Questionnaires' };

export default async function QuestionnairesPage() {
  const [statuses, viewer] = await Promise.all([listQuestionnaireStatus(), guardArea('patient')]);
  const timeZone = viewer.timeZone;
  const today = localDay(new Date(), timeZone);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Questionnaires</h1>
      <p className="text-lg">Your physio uses these to see how you are getting on. Your answers are saved after each step.</p>
      {statuses.length === 0 ? (
        <p className="rounded-2xl border border-slate-200 bg-white p-5 text-lg">Questionnaires will appear here once your care starts.</p>
      ) : (
        <ul className="space-y-4">
          {statuses.map((status) => {
            const { slug } = INSTRUMENT_INFO[status.instrument];
            const last = status.last ? describeResult(status.instrument, status.last.score, status.last.band, null) : null;
            return (
              <li key={status.instrument} className="rounded-2xl border border-slate-200 bg-white p-5">
                <h2 className="text-xl font-semibold">{INSTRUMENT_NAMES[status.instrument]}</h2>
                <p className="mt-1 text-base text-slate-700">{INSTRUMENT_INFO[status.instrument].about}</p>
                <p className="mt-2 text-lg">
                  {status.due
                    ? status.due.isDue
                      ? `Due now${status.due.dueDay < today ? ` (since ${formatDate(status.due.dueDay, timeZone)})` : ''}.`
                      : `Next due ${formatDate(status.due.dueDay, timeZone)}.`
                    : 'Not due again unless your physio asks.'}
                </p>
                {status.last && last ? (
                  <p className="mt-1 text-lg">
                    Last time ({formatDate(status.last.completedAt, timeZone)}): {last.headline}
                    {last.band && !last.headline.includes(last.band) ? ` — ${last.band}` : ''}.{' '}
                    <AppLink href={`/patient/questionnaires/result/${status.last.responseId}`} className="text-brand-800 underline">
                      See result<span className="sr-only"> of {INSTRUMENT_NAMES[status.instrument]}</span>
                    </AppLink>
                  </p>
                ) : null}
                {status.due?.isDue || status.inProgress ? (
                  <AppLink
                    href={`/patient/questionnaires/${slug}`}
                    className="mt-3 inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-5 py-3 text-lg font-semibold text-white"
                  >
                    {status.inProgress ? 'Carry on' : 'Start'}
                    <span className="sr-only"> {INSTRUMENT_NAMES[status.instrument]}</span>
                  </AppLink>
                ) : (
                  <AppLink
                    href={`/patient/questionnaires/${slug}`}
                    className="mt-3 inline-flex min-h-12 items-center rounded-lg border border-slate-400 px-5 py-3 text-lg font-semibold"
                  >
                    Fill in anyway<span className="sr-only"> {INSTRUMENT_NAMES[status.instrument]}</span>
                  </AppLink>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
