'use client';

import { useActionState } from 'react';
import { PatientForm } from '@/components/patient/patient-form';
import { RedFlagQuestion } from '@/components/patient/yes-no-question';
import { NOT_SENT } from '@/lib/forms';
import { PERIODIC_RED_FLAG_QUESTIONS, SAFETY_CHECK_INTERVAL_DAYS } from '@/lib/clinical/red-flags';
import { answerSafetyCheckAction } from './actions';

/** The cancer, infection and fracture questions (docs/CLINICAL.md, Red flags), each a required yes or no. */
export function SafetyCheckForm({ submissionId }: { submissionId: string }) {
  const [state, action] = useActionState(answerSafetyCheckAction, NOT_SENT);
  return (
    <PatientForm state={state} action={action} hidden={{ submissionId }} alertAt="end" submitLabel="Save my answers" className="space-y-6">
      {PERIODIC_RED_FLAG_QUESTIONS.map((entry) => (
        <RedFlagQuestion key={entry.key} entry={entry} state={state} />
      ))}
    </PatientForm>
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
