'use client';

import { AppLink } from '@/components/ui/app-link';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import { FormError, INITIAL_FORM_STATE } from '@/components/patient/fields';
import { useFocusFirstError } from '@/components/patient/use-focus-first-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { logPainAction } from './actions';
import { PainFields, SafetyQuestions } from './pain-fields';

export function LogPainForm({ submissionId, score }: { submissionId: string; score: number | null }) {
  const [state, action] = useActionState(logPainAction, INITIAL_FORM_STATE);
  const formRef = useFocusFirstError(state);
  const router = useRouter();
  useEffect(() => {
    if (state.next) router.push(state.next);
  }, [state.next, router]);
  const errors = state.fieldErrors ?? {};
  if (state.next) {
    return (
      <p role="status" className="rounded-lg border-l-4 border-green-700 bg-green-50 p-4 text-lg text-green-900">
        Pain score saved. <AppLink href={state.next} className="font-semibold underline">See what it means</AppLink>
      </p>
    );
  }
  return (
    <form ref={formRef} action={action} noValidate className="space-y-8">
      <input type="hidden" name="submissionId" value={submissionId} />
      <PainFields state={state} defaults={{ score }} />
      <SafetyQuestions state={state} />
      <FormError message={state.formError ?? errors.submissionId?.[0] ?? errors.form?.[0]} />
      <SubmitButton pendingText="Saving…" className="w-full text-lg">
        Save pain score
      </SubmitButton>
    </form>
  );
}
