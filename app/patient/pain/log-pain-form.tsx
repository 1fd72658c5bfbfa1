'use client';

import { AppLink } from '@/components/ui/app-link';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { NOT_SENT } from '@/lib/forms';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { logPainAction } from './actions';
import { PainFields, SafetyQuestions } from './pain-fields';

export function LogPainForm({ submissionId, score }: { submissionId: string; score: number | null }) {
  const [state, action] = useActionState(logPainAction, NOT_SENT);
  const formRef = useFocusFirstError(state);
  const router = useRouter();
  const next = state.data?.next;
  useEffect(() => {
    if (next) router.push(next);
  }, [next, router]);
  const errors = state.fieldErrors ?? {};
  if (next) {
    return (
      <p role="status" className="rounded-lg border-l-4 border-green-700 bg-green-50 p-4 text-lg text-green-900">
        Pain score saved. <AppLink href={next} className="font-semibold underline">See what it means</AppLink>
      </p>
    );
  }
  return (
    <form ref={formRef} action={action} noValidate className="space-y-8">
      <input type="hidden" name="submissionId" value={submissionId} />
      <PainFields state={state} defaults={{ score }} />
      <SafetyQuestions state={state} />
      <FormAlert size="large">{state.formError ?? errors.submissionId?.[0] ?? errors.form?.[0]}</FormAlert>
      <SubmitButton pendingText="Saving…" className="w-full text-lg">
        Save pain score
      </SubmitButton>
    </form>
  );
}
