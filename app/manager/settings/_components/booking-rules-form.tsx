'use client';

import { useActionState } from 'react';
import { FormOutcome } from '@/components/ui/form-alert';
import { NumberField } from '@/components/ui/number-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { BOOKING_RULE_LIMITS, type BookingRules } from '@/lib/appointments/rules';
import { NOT_SENT } from '@/lib/forms';
import { updateBookingRulesAction } from '../booking-actions';

const FIELDS: { name: keyof BookingRules; label: string }[] = [
  { name: 'horizonDays', label: 'Book up to (days ahead)' },
  { name: 'slotMinutes', label: 'Follow-up length (minutes)' },
  { name: 'cancellationWindowHours', label: 'Cancel online until (hours before)' },
];

export function BookingRulesForm({ rules }: { rules: BookingRules }) {
  const [state, action] = useActionState(updateBookingRulesAction, NOT_SENT);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormOutcome result={state} saved="Booking rules saved." />
      <div className="grid gap-3 sm:grid-cols-3">
        {FIELDS.map(({ name, label }) => (
          <NumberField
            key={name}
            size="compact"
            label={label}
            name={name}
            hint={`${BOOKING_RULE_LIMITS[name].min} to ${BOOKING_RULE_LIMITS[name].max}`}
            value={rules[name]}
            result={state}
          />
        ))}
      </div>
      <SubmitButton pendingText="Saving…">Save booking rules</SubmitButton>
    </form>
  );
}
