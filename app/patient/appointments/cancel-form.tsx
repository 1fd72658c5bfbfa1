'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { NOT_SENT, type FormResult } from '@/lib/forms';

type Action = (previous: FormResult, form: FormData) => Promise<FormResult>;

export function CancelVisitForm({ action, appointmentId, visitLabel }: { action: Action; appointmentId: string; visitLabel: string }) {
  const [state, formAction] = useActionState(action, NOT_SENT);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="appointmentId" value={appointmentId} />
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <SubmitButton variant="secondary" pendingText="Cancelling…">
        Cancel this visit<span className="sr-only"> on {visitLabel}</span>
      </SubmitButton>
    </form>
  );
}
