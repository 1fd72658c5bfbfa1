'use client';

import { useActionState } from 'react';
import { NOT_SENT, valueOf } from '@/lib/forms';
import { FormOutcome } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextAreaField } from '@/components/ui/text-area';
import { TextField } from '@/components/ui/text-field';
import { updateClinicContactAction } from '../clinic-details-actions';

type Contact = { phone: string | null; email: string | null; address: string | null };

export function ClinicContactForm({ contact }: { contact: Contact }) {
  const [state, action] = useActionState(updateClinicContactAction, NOT_SENT);
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormOutcome result={state} saved="Contact details saved." />
      <TextField label="Phone" name="contactPhone" type="tel" autoComplete="off" maxLength={40} defaultValue={valueOf(state, 'contactPhone') ?? contact.phone ?? ''} errors={errors?.contactPhone} />
      <TextField label="Email" name="contactEmail" type="email" autoComplete="off" maxLength={254} defaultValue={valueOf(state, 'contactEmail') ?? contact.email ?? ''} errors={errors?.contactEmail} />
      <TextAreaField label="Address" name="contactAddress" rows={3} maxLength={300} size="large" defaultValue={valueOf(state, 'contactAddress') ?? contact.address ?? ''} errors={errors?.contactAddress} />
      <SubmitButton pendingText="Saving…">Save contact details</SubmitButton>
    </form>
  );
}
