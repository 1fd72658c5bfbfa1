'use client';

import { useActionState } from 'react';
import { ChoiceField, FormError, INITIAL_FORM_STATE, valueOf } from '@/components/patient/fields';
import { useFocusFirstError } from '@/components/patient/use-focus-first-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { PAIN_LOG_RED_FLAG_QUESTIONS } from '@/lib/validation/pain-options';
import { logPainAction } from './actions';
import { PainFields } from './pain-fields';

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

export function LogPainForm({ submissionId, score }: { submissionId: string; score: number | null }) {
  const [state, action] = useActionState(logPainAction, INITIAL_FORM_STATE);
  const formRef = useFocusFirstError(state);
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={formRef} action={action} noValidate className="space-y-8">
      <input type="hidden" name="submissionId" value={submissionId} />
      <PainFields state={state} defaults={{ score }} />
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
      <FormError message={state.formError ?? errors.submissionId?.[0] ?? errors.form?.[0]} />
      <SubmitButton pendingText="Saving…" className="w-full text-lg">
        Save pain score
      </SubmitButton>
    </form>
  );
}
