'use client';

import { useActionState } from 'react';
import { ChoiceField } from '@/components/ui/choice-fields';
import { FormAlert } from '@/components/ui/form-alert';
import { NOT_SENT, valueOf } from '@/lib/forms';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { PERIODIC_RED_FLAG_QUESTIONS, SAFETY_CHECK_INTERVAL_DAYS } from '@/lib/clinical/red-flags';
import { answerSafetyCheckAction } from './actions';

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** The cancer, infection and fracture questions (docs/CLINICAL.md, Red flags), each a required yes or no. */
export function SafetyCheckForm({ submissionId }: { submissionId: string }) {
  const [state, action] = useActionState(answerSafetyCheckAction, NOT_SENT);
  const formRef = useFocusFirstError(state);
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={formRef} action={action} noValidate className="space-y-6">
      <input type="hidden" name="submissionId" value={submissionId} />
      {PERIODIC_RED_FLAG_QUESTIONS.map((question) => (
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
      <FormAlert size="large">{state.formError ?? errors.submissionId?.[0] ?? errors.form?.[0]}</FormAlert>
      <SubmitButton pendingText="Saving…" className="w-full text-lg">
        Save my answers
      </SubmitButton>
    </form>
  );
}

/** Why these questions are asked; shown on this page and on Today when they are due. */
export function SafetyCheckIntro() {
  return (
    <p className="text-lg text-slate-800">
      These 4 questions look for rare but serious causes of back pain. We ask them when you start, then every{' '}
      {SAFETY_CHECK_INTERVAL_DAYS} days, and when you tell us something is new. Your physio sees your answers.
    </p>
  );
}
