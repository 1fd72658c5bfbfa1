import type { Metadata } from 'next';
import { AppLink } from '@/components/ui/app-link';
import { BackLink } from '@/components/patient/back-link';
import { Panel } from '@/components/ui/panel';
import { describeResult } from '@/components/patient/questionnaire-result-text';
import { guardArea, loadRecord } from '@/lib/auth/guard';
import { INSTRUMENT_NAMES } from '@/lib/clinical/instruments';
import { describeRmdqChange, RMDQ_MCID_TEXT } from '@/lib/clinical/rmdq';
import { roundHalfUp1 } from '@/lib/clinical/rounding';
import { getQuestionnaireResult } from '@/lib/dal/questionnaires';
import { formatDateTime } from '@/lib/time';

export const metadata: Metadata = { title: 'Questionnaire result' };

export default async function QuestionnaireResultPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await loadRecord(id, getQuestionnaireResult);
  const viewer = await guardArea('patient');
  const words = describeResult(result.instrument, result.score, result.band, result.subscore);
  const activities = result.instrument === 'PSFS' ? ((result.answers.activities ?? []) as { name: string; rating: number }[]) : [];
  const change =
    result.previousScore !== null && result.score !== null ? roundHalfUp1(result.score - result.previousScore) : null;
  // Counts (Roland-Morris, STarT Back) are whole numbers; Oswestry and PSFS keep one decimal.
  const shown = (value: number) => (result.instrument === 'RMDQ' || result.instrument === 'STARTBACK' ? String(value) : roundHalfUp1(value).toFixed(1));
  const rmdqChange =
    result.instrument === 'RMDQ' && result.baselineScore !== null && result.score !== null ? describeRmdqChange(result.baselineScore, result.score) : null;
  return (
    <div className="space-y-6">
      <BackLink href="/patient/questionnaires">Questionnaires</BackLink>
      <h1 className="text-3xl font-bold">Your {INSTRUMENT_NAMES[result.instrument]} result</h1>
      <section role="status" aria-labelledby="result-heading" className="rounded-2xl border-2 border-brand-700 bg-white p-5">
        <h2 id="result-heading" className="text-2xl font-bold">
          {words.headline}
        </h2>
        {words.band ? <p className="mt-2 text-xl font-semibold text-brand-800">{words.band}</p> : null}
        <p className="mt-3 text-lg">{words.meaning}</p>
        {change !== null ? (
          <p className="mt-3 text-lg">
            Last time: {shown(result.previousScore!)}
            {result.instrument === 'ODI' ? ' %' : ''} ({change === 0 ? 'no change' : `${change > 0 ? 'up' : 'down'} ${shown(Math.abs(change))}`}).
          </p>
        ) : null}
        {rmdqChange ? (
          <p className="mt-3 text-lg">
            Since your first answers: {rmdqChange.text} <span className="text-base text-slate-700">{RMDQ_MCID_TEXT}</span>
          </p>
        ) : null}
        <p className="mt-3 text-base text-slate-700">Completed {formatDateTime(result.completedAt, viewer.timeZone)}. Your physio can see this.</p>
      </section>
      {activities.length > 0 ? (
        <Panel id="activities-heading" size="large" title="Your activities">
          <ul className="mt-2 space-y-1 text-lg">
            {activities.map((activity) => (
              <li key={activity.name}>
                {activity.name}: <strong>{activity.rating}</strong> out of 10
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row">
        <AppLink href="/patient" className="inline-flex min-h-12 items-center justify-center rounded-lg bg-brand-700 px-5 py-3 text-lg font-semibold text-white">
          Back to today
        </AppLink>
        <AppLink href="/patient/progress" className="inline-flex min-h-12 items-center justify-center rounded-lg border border-slate-400 bg-white px-5 py-3 text-lg font-semibold">
          See my progress
        </AppLink>
      </div>
    </div>
  );
}
