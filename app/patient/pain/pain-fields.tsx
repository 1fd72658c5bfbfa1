import { CheckboxGroup, ChoiceField, ScaleField, valueOf, type FormState } from '@/components/patient/fields';
import { TextAreaField } from '@/components/ui/text-area';
import { PAIN_LOCATION_LABELS, PAIN_LOCATIONS, PAIN_LOG_RED_FLAG_QUESTIONS, PAIN_NOTE_MAX } from '@/lib/validation/pain-options';

export type PainDefaults = {
  score?: number | null;
  worst24h?: number | null;
  locations?: readonly string[];
  belowKnee?: boolean | null;
  note?: string | null;
};

const LOCATION_OPTIONS = PAIN_LOCATIONS.map((value) => ({ value, label: PAIN_LOCATION_LABELS[value] }));
const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** The fields shared by logging and editing a pain entry; a refused submit shows what was sent. */
export function PainFields({ state, defaults }: { state: FormState; defaults: PainDefaults }) {
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

/** The red-flag questions asked with every pain log and every change to one (docs/CLINICAL.md, Red flags). */
export function SafetyQuestions({ state }: { state: FormState }) {
  const errors = state.fieldErrors ?? {};
  return (
    <section aria-labelledby="safety-heading" className="space-y-6 rounded-2xl border-2 border-amber-600 bg-amber-50 p-4">
      <div>
        <h2 id="safety-heading" className="text-xl font-bold text-slate-900">
          Safety check
        </h2>
        <p className="mt-1 text-base text-slate-800">
          These questions look for rare but serious problems. Please answer each one. “New” means it started since
          your back pain began or is getting worse.
        </p>
      </div>
      {PAIN_LOG_RED_FLAG_QUESTIONS.map((question) => (
        <ChoiceField
          key={question.key}
          name={`redFlags-${question.key}`}
          legend={question.question}
          legendClassName="text-lg font-medium text-slate-900"
          options={YES_NO}
          inline
          errors={errors[`redFlags.${question.key}`]}
          defaultValue={valueOf(state, `redFlags-${question.key}`)}
        />
      ))}
    </section>
  );
}
