import type { Metadata } from 'next';
import { BackLink } from '@/components/patient/back-link';
import { AppLink } from '@/components/ui/app-link';
import { notFound } from 'next/navigation';
import { ODI_LICENCE_NOTICE, ODI_SECTIONS } from '@/lib/clinical/instruments/odi-text';
import { INSTRUMENT_NAMES } from '@/lib/clinical/instruments';
import { RMDQ_NOTICE, RMDQ_STATEMENTS } from '@/lib/clinical/rmdq';
import { BOTHERSOME_OPTIONS, STARTBACK_ITEMS, STARTBACK_LICENCE_NOTICE } from '@/lib/clinical/startback';
import { getQuestionnaireSession } from '@/lib/dal/questionnaires';
import {
  PSFS_ACTIVITY_MAX,
  QUESTIONNAIRE_SLUGS,
  RMDQ_SCREENS,
  screenCount,
  STARTBACK_SCREENS,
  type Draft,
  type OdiDraft,
  type PsfsDraft,
  type QuestionnaireSlug,
  type RmdqDraft,
  type StartBackDraft,
} from '@/lib/validation/questionnaires';
import { StepForm, type ScreenQuestion } from './step-form';

export const metadata: Metadata = { title: 'Questionnaire' };

const INTRO: Record<QuestionnaireSlug, string> = {
  odi: 'This asks how your back pain affects everyday life. Choose the one sentence in each section that fits you best today. If a section doesn’t apply to you, you can skip it.',
  startback: 'This helps your physio choose the right kind of care for you. Think about the last 2 weeks.',
  psfs: 'Name 3 to 5 everyday activities that your back makes hard, then rate how well you can do each one today.',
  rmdq: 'When your back hurts, you may find it hard to do some of the things you normally do. Tick each sentence that describes you today. Leave it unticked if it does not.',
};

function rmdqScreen(draft: RmdqDraft, step: number): ScreenQuestion[] {
  const screen = RMDQ_SCREENS[step]!;
  return [
    {
      kind: 'checks',
      name: 'statement',
      legend: `Sentences ${screen[0]! + 1} to ${screen.at(-1)! + 1} of ${RMDQ_STATEMENTS.length}`,
      hint: 'Tick the ones that describe you today. It is fine to tick none.',
      options: screen.map((index) => ({ value: String(index), label: RMDQ_STATEMENTS[index]! })),
      defaultValues: screen.filter((index) => draft.ticked[index] === true).map(String),
    },
  ];
}

function odiScreen(draft: OdiDraft, step: number): ScreenQuestion[] {
  const section = ODI_SECTIONS[step]!;
  const saved = draft.sections[step];
  return [
    {
      kind: 'choice',
      name: 'answer',
      legend: section.title,
      hint: 'Choose the one sentence that describes you best today.',
      options: [
        ...section.options.map((label, index) => ({ value: String(index), label })),
        { value: 'skip', label: 'Skip this section (it doesn’t apply to me)' },
      ],
      defaultValue: step < draft.step ? (saved === null ? 'skip' : String(saved)) : null,
    },
  ];
}

function startBackScreen(draft: StartBackDraft, step: number): ScreenQuestion[] {
  return STARTBACK_SCREENS[step]!.map((index) => {
    const item = STARTBACK_ITEMS[index]!;
    if (item.response === 'bothersome') {
      return {
        kind: 'choice',
        name: `item-${index}`,
        legend: item.statement,
        options: BOTHERSOME_OPTIONS.map((option) => ({ value: option, label: option })),
        defaultValue: draft.bothersome,
      };
    }
    const saved = draft.agree[index];
    return {
      kind: 'choice',
      name: `item-${index}`,
      legend: item.statement,
      inline: true,
      options: [
        { value: 'agree', label: 'Agree' },
        { value: 'disagree', label: 'Disagree' },
      ],
      defaultValue: saved === null || saved === undefined ? null : saved ? 'agree' : 'disagree',
    };
  });
}

function psfsScreen(draft: PsfsDraft, step: number): ScreenQuestion[] {
  if (!draft.followUp && step === 0) {
    return Array.from({ length: 5 }, (_, index) => ({
      kind: 'text',
      name: `activity-${index}`,
      label: `Activity ${index + 1}`,
      hint: index === 0 ? 'For example “Putting on socks” or “Walking to the shops”.' : undefined,
      maxLength: PSFS_ACTIVITY_MAX,
      defaultValue: draft.activities[index]?.name ?? '',
      optional: index >= 3,
    }));
  }
  return draft.activities.map((activity, index) => ({
    kind: 'scale',
    name: `rating-${index}`,
    legend: `How well can you do this today: ${activity.name}`,
    lowLabel: '0 = unable to do it',
    highLabel: '10 = as well as before',
    defaultValue: activity.rating,
  }));
}

function screenFor(slug: QuestionnaireSlug, draft: Draft, step: number): ScreenQuestion[] {
  if (slug === 'odi') return odiScreen(draft as OdiDraft, step);
  if (slug === 'startback') return startBackScreen(draft as StartBackDraft, step);
  if (slug === 'rmdq') return rmdqScreen(draft as RmdqDraft, step);
  return psfsScreen(draft as PsfsDraft, step);
}

export default async function QuestionnaireStepPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ step?: string }>;
}) {
  const { slug } = await params;
  if (!(slug in QUESTIONNAIRE_SLUGS)) notFound();
  const typedSlug = slug as QuestionnaireSlug;
  const instrument = QUESTIONNAIRE_SLUGS[typedSlug];
  const session = await getQuestionnaireSession(instrument);
  if (!session) notFound();
  const { step: requested } = await searchParams;
  const total = screenCount(instrument, session.draft);
  // Resume where the patient left off; an earlier screen may be revisited, a later one may not be skipped to.
  const furthest = Math.min(session.draft.step, total - 1);
  const asked = requested !== undefined && /^\d{1,2}$/.test(requested) ? Number(requested) : furthest;
  const step = Math.min(asked, furthest);
  const isLast = step === total - 1;
  const notices: Partial<Record<typeof instrument, string>> = { ODI: ODI_LICENCE_NOTICE, STARTBACK: STARTBACK_LICENCE_NOTICE, RMDQ: RMDQ_NOTICE };
  const notice = notices[instrument] ?? null;

  return (
    <div className="space-y-6">
      <BackLink href="/patient/questionnaires">Questionnaires</BackLink>
      <h1 className="text-3xl font-bold">{INSTRUMENT_NAMES[instrument]}</h1>
      {step === 0 ? <p className="text-lg">{INTRO[typedSlug]}</p> : null}
      {session.canAnswer ? (
        <>
          <div>
            <p id="progress-label" className="text-lg font-medium">
              Step {step + 1} of {total}
            </p>
            <progress aria-labelledby="progress-label" value={step + 1} max={total} className="mt-2 h-3 w-full accent-brand-700" />
          </div>
          <StepForm
            key={`${session.submissionId}-${step}`}
            slug={typedSlug}
            submissionId={session.submissionId}
            step={step}
            questions={screenFor(typedSlug, session.draft, step)}
            submitLabel={isLast ? 'Finish and see my result' : 'Save and continue'}
          />
          <div className="flex flex-wrap justify-between gap-3">
            {step > 0 ? (
              <AppLink
                href={`/patient/questionnaires/${typedSlug}?step=${step - 1}`}
                className="inline-flex min-h-12 items-center rounded-lg border border-slate-400 bg-white px-5 py-3 text-lg font-semibold"
              >
                ← Back
              </AppLink>
            ) : (
              <span />
            )}
            <AppLink href="/patient" className="inline-flex min-h-12 items-center px-2 text-lg text-brand-800 underline">
              Finish later (saved answers are kept)
            </AppLink>
          </div>
        </>
      ) : (
        <p className="rounded-2xl border border-slate-200 bg-white p-5 text-lg">
          Your care with the clinic has ended, so questionnaires can’t be filled in.
        </p>
      )}
      {notice ? <p className="text-sm text-slate-700">{notice}</p> : null}
    </div>
  );
}
