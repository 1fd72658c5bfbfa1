'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { BOOKING_RULE_LIMITS, type BookingRules } from '@/lib/appointments/rules';
import { NOT_SENT, valueOf } from '@/lib/forms';
import { updateBookingRulesAction } from '../booking-actions';

export function BookingRulesForm({ rules }: { rules: BookingRules }) {
  const [state, action] = useActionState(updateBookingRulesAction, NOT_SENT);
  const errors = state.ok ? undefined : state.fieldErrors;
  const limits = BOOKING_RULE_LIMITS;
  return (
    <form action={action} className="space-y-4" noValidate>
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      {state.ok ? <FormAlert tone="success">Booking rules saved.</FormAlert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          size="compact"
          label="Book up to (days ahead)"
          name="horizonDays"
          inputMode="numeric"
          hint={`${limits.horizonDays.min} to ${limits.horizonDays.max}`}
          defaultValue={valueOf(state, 'horizonDays') ?? String(rules.horizonDays)}
          errors={errors?.horizonDays}
        />
        <TextField
          size="compact"
          label="Follow-up length (minutes)"
          name="slotMinutes"
          inputMode="numeric"
          hint={`${limits.slotMinutes.min} to ${limits.slotMinutes.max}`}
          defaultValue={valueOf(state, 'slotMinutes') ?? String(rules.slotMinutes)}
          errors={errors?.slotMinutes}
        />
        <TextField
          size="compact"
          label="Cancel online until (hours before)"
          name="cancellationWindowHours"
          inputMode="numeric"
          hint={`${limits.cancellationWindowHours.min} to ${limits.cancellationWindowHours.max}`}
          defaultValue={valueOf(state, 'cancellationWindowHours') ?? String(rules.cancellationWindowHours)}
          errors={errors?.cancellationWindowHours}
        />
      </div>
      <SubmitButton pendingText="Saving…">Save booking rules</SubmitButton>
    </form>
  );
}
