'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { NOT_SENT, valueOf } from '@/lib/forms';
import { NUDGE_DAYS_LIMITS } from '@/lib/reminders/preferences';
import { updateNudgeDaysAction } from '../reminder-actions';

export function NudgeDaysForm({ days }: { days: number }) {
  const [state, action] = useActionState(updateNudgeDaysAction, NOT_SENT);
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <form action={action} className="space-y-4" noValidate>
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      {state.ok ? <FormAlert tone="success">Nudge setting saved.</FormAlert> : null}
      <TextField
        label="Days with nothing logged before a nudge"
        name="nudgeDays"
        inputMode="numeric"
        autoComplete="off"
        className="max-w-xs"
        hint={`From ${NUDGE_DAYS_LIMITS.min} to ${NUDGE_DAYS_LIMITS.max}. Patients can switch the nudge off on their Reminders page.`}
        defaultValue={valueOf(state, 'nudgeDays') ?? String(days)}
        errors={errors?.nudgeDays}
      />
      <SubmitButton pendingText="Saving…">Save nudge setting</SubmitButton>
    </form>
  );
}
