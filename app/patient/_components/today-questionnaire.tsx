import { Panel } from '@/components/ui/panel';
import { AppLink } from '@/components/ui/app-link';
import { SkeletonLines } from '@/components/ui/skeleton';
import { INSTRUMENT_INFO, INSTRUMENT_NAMES } from '@/lib/clinical/instruments';
import { getNextQuestionnaire } from '@/lib/dal/today';
import { holdPanelForTest } from '@/lib/testing/slow-panel';
import { formatDate } from '@/lib/time';

function QuestionnaireFrame({ children }: { children: React.ReactNode }) {
  return (
    <Panel id="questionnaire-heading" size="large" title="Questionnaires">
      {children}
    </Panel>
  );
}

/** The questionnaire due now or next, with the way in. `today` is the patient's day. */
export async function TodayQuestionnaire({ today, timeZone }: { today: string; timeZone: string }) {
  await holdPanelForTest('today-questionnaire');
  const next = await getNextQuestionnaire();
  if (!next?.due) {
    return (
      <QuestionnaireFrame>
        <p className="mt-2 text-lg">Nothing is due at the moment.</p>
      </QuestionnaireFrame>
    );
  }
  const { due } = next;
  return (
    <QuestionnaireFrame>
      <p className="mt-2 text-lg">
        {due.isDue ? (
          <>
            <strong>{INSTRUMENT_NAMES[next.instrument]}</strong> is due now
            {due.dueDay < today ? ` (since ${formatDate(due.dueDay, timeZone)})` : ''}.
          </>
        ) : (
          <>
            Next: <strong>{INSTRUMENT_NAMES[next.instrument]}</strong> on {formatDate(due.dueDay, timeZone)}.
          </>
        )}
      </p>
      <AppLink
        href={due.isDue ? `/patient/questionnaires/${INSTRUMENT_INFO[next.instrument].slug}` : '/patient/questionnaires'}
        className="mt-3 inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-5 py-3 text-lg font-semibold text-white"
      >
        {due.isDue ? (next.inProgress ? 'Carry on where you left off' : 'Start now') : 'See questionnaires'}
      </AppLink>
    </QuestionnaireFrame>
  );
}

export function TodayQuestionnaireSkeleton() {
  return (
    <QuestionnaireFrame>
      <SkeletonLines label="what questionnaire is due" className="mt-2 space-y-3" blocks={['h-7 w-3/4 rounded-md', 'h-12 w-40 rounded-lg']} />
    </QuestionnaireFrame>
  );
}
