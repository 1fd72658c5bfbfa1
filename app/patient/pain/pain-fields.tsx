import { RedFlagQuestion, YES_NO, YesNoQuestion } from '@/components/patient/yes-no-question';
import { CheckboxGroup, ChoiceField, ScaleField } from '@/components/ui/choice-fields';
import { valueOf, type FormResult } from '@/lib/forms';
import { TextAreaField } from '@/components/ui/text-area';
import {
  NEW_SYMPTOM_RED_FLAG_QUESTIONS,
  PAIN_LOCATION_LABELS,
  PAIN_LOCATIONS,
  PAIN_LOG_RED_FLAG_QUESTIONS,
  PAIN_NOTE_MAX,
} from '@/lib/validation/pain-options';

export type PainDefaults = {
  score?: number | null;
  worst24h?: number | null;
  locations?: readonly string[];
  belowKnee?: boolean | null;
  note?: string | null;
};

const LOCATION_OPTIONS = PAIN_LOCATIONS.map((value) => ({ value, label: PAIN_LOCATION_LABELS[value] }));

/** The fields shared by logging and editing a pain entry; a refused submit shows what was sent. */
export function PainFields({ state, defaults }: { state: FormResult<unknown>; defaults: PainDefaults }) {
  const errors = state.fieldErrors ?? {};
  const sent = state.values;
  const sentLocations = sent ? [sent.locations ?? []].flat() : undefined;
  const belowKnee = sent ? valueOf(state, 'belowKnee') : defaults.belowKnee == null ? undefined : defaults.belowKnee ? 'yes' : 'no';
  return (
    <>
      <ScaleField
        name="score"
        legend="How bad is your pain right now?"
        errors={errors.score}
        defaultValue={sent ? valueOf(state, 'score') : defaults.score}
      />
      <ScaleField
        name="worst24h"
        legend="The worst it has been in the last 24 hours"
        optional
        errors={errors.worst24h}
        defaultValue={sent ? valueOf(state, 'worst24h') : defaults.worst24h}
      />
      <CheckboxGroup
        name="locations"
        legend="Where do you feel it?"
        hint="Tick all that apply."
        options={LOCATION_OPTIONS}
        errors={errors.locations}
        defaultValues={sentLocations ?? defaults.locations ?? []}
      />
      <ChoiceField
        name="belowKnee"
        legend="Do you have pain, pins and needles or numbness below the knee?"
        options={YES_NO}
        inline
        errors={errors.belowKnee}
        defaultValue={belowKnee}
      />
      <TextAreaField
        size="large"
        rows={4}
        name="note"
        label="Anything else? (optional)"
        hint={`For example what made it better or worse. Up to ${PAIN_NOTE_MAX.toLocaleString('en-GB')} characters.`}
        maxLength={PAIN_NOTE_MAX}
        errors={errors.note}
        defaultValue={sent ? valueOf(state, 'note') : defaults.note}
      />
    </>
  );
}

/**
 * The red-flag questions asked with every pain log and every change to one, then "anything new?". A yes there
 * shows the cancer, infection and fracture questions (docs/CLINICAL.md, Red flags); CSS reveals them, so they
 * appear before the page has hydrated too, and the server requires them whenever the answer is yes.
 */
export function SafetyQuestions({ state }: { state: FormResult<unknown> }) {
  return (
    <section aria-labelledby="safety-heading" className="group space-y-6 rounded-2xl border-2 border-amber-600 bg-amber-50 p-4">
      <div>
        <h2 id="safety-heading" className="text-xl font-bold text-slate-900">
          Safety check
        </h2>
        <p className="mt-1 text-base text-slate-800">
          These questions look for rare but serious problems. Please answer each one. “New” means it started since
          your back pain began or is getting worse.
        </p>
      </div>
      {PAIN_LOG_RED_FLAG_QUESTIONS.map((entry) => (
        <RedFlagQuestion key={entry.key} entry={entry} state={state} />
      ))}
      <YesNoQuestion
        name="newSymptom"
        question="Is anything about your symptoms new or different since you last told us?"
        hint="For example pain in a new place, a new kind of pain, or feeling unwell."
        errors={state.fieldErrors?.newSymptom}
        defaultValue={valueOf(state, 'newSymptom')}
      />
      <div className="hidden space-y-6 group-has-[input[name=newSymptom][value=yes]:checked]:block">
        <p className="text-base font-medium text-slate-900">You said something is new. Please answer these too:</p>
        {NEW_SYMPTOM_RED_FLAG_QUESTIONS.map((entry) => (
          <RedFlagQuestion key={entry.key} entry={entry} state={state} />
        ))}
      </div>
    </section>
  );
}
