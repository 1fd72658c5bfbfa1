'use client';

import { AppLink } from '@/components/ui/app-link';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import { PatientForm } from '@/components/patient/patient-form';
import { NOT_SENT } from '@/lib/forms';
import { logPainAction } from './actions';
import { PainFields, SafetyQuestions } from './pain-fields';

export function LogPainForm({ submissionId, score }: { submissionId: string; score: number | null }) {
  const [state, action] = useActionState(logPainAction, NOT_SENT);
  const router = useRouter();
  const next = state.data?.next;
  useEffect(() => {
    if (next) router.push(next);
  }, [next, router]);
  if (next) {
    return (
      <p role="status" className="rounded-lg border-l-4 border-green-700 bg-green-50 p-4 text-lg text-green-900">
        Pain score saved. <AppLink href={next} className="font-semibold underline">See what it means</AppLink>
      </p>
    );
  }
  return (
    <PatientForm state={state} action={action} hidden={{ submissionId }} alertAt="end" submitLabel="Save pain score">
      <PainFields state={state} defaults={{ score }} />
      <SafetyQuestions state={state} />
    </PatientForm>
  );
}
