'use client';

import { AppLink } from '@/components/ui/app-link';
import { useActionState } from 'react';
import { NOT_SENT, type FormResult } from '@/lib/forms';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { INSTRUMENT_INFO, INSTRUMENTS } from '@/lib/clinical/instruments';
import { TextField } from '@/components/ui/text-field';
import { InvitationLinkBox } from './invitation-link';

/** The new patient, as the onboarding action answers with it: their record and a one-time link. */
export type Onboarded = { episodeId: string; patientName: string; path: string; expiresAt: string };

type Action = (previous: FormResult<Onboarded>, form: FormData) => Promise<FormResult<Onboarded>>;

const INSTRUMENT_CHOICES = INSTRUMENTS.map((value) => ({ value, label: `${INSTRUMENT_INFO[value].name} (${INSTRUMENT_INFO[value].schedule})` }));

export function OnboardingForm({ action, timeZone }: { action: Action; timeZone: string }) {
  const [state, formAction] = useActionState(action, NOT_SENT);
  if (state.ok && state.data) {
    const expires = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(state.data.expiresAt));
    return (
      <div className="space-y-4">
        <FormAlert tone="success">{state.data.patientName} was added to your caseload.</FormAlert>
        <InvitationLinkBox path={state.data.path} expiresText={`on ${expires}`} />
        <p className="flex flex-wrap gap-4">
          <AppLink href={`/clinician/patients/${state.data.episodeId}/plan`} className="font-semibold text-brand-800 underline">Build their exercise plan</AppLink>
          <AppLink href={`/clinician/patients/${state.data.episodeId}`} className="font-semibold text-brand-800 underline">Open their record</AppLink>
        </p>
      </div>
    );
  }
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} key={JSON.stringify(state.values ?? null)} className="space-y-4 rounded-xl border border-slate-200 bg-white p-4" noValidate>
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      {Object.keys(errors).length > 0 ? <FormAlert>Check the fields marked below.</FormAlert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField size="compact" label="Full name" name="name" autoComplete="off" result={state} maxLength={200} />
        <TextField size="compact" label="Email" name="email" type="email" autoComplete="off" result={state} hint="The patient signs in with this address." />
        <TextField size="compact" label="Date of birth" name="dateOfBirth" type="date" result={state} />
        <TextField size="compact" label="Condition" name="condition" result={state} defaultValue="Non-specific low back pain" maxLength={200} />
        <TextField size="compact" label="Pain at the start (0–10)" name="intakeNprs" inputMode="numeric" result={state} hint="The patient’s NPRS today: 0 no pain, 10 worst imaginable." />
        <TextField size="compact" label="Weeks between questionnaires" name="intervalWeeks" inputMode="numeric" result={state} defaultValue="4" />
      </div>
      <fieldset>
        <legend className="text-base font-medium">Questionnaires to ask for now (due in 3 days)</legend>
        <div className="mt-2 space-y-1">
          {INSTRUMENT_CHOICES.map((instrument) => (
            <label key={instrument.value} className="flex items-center gap-2">
              <input type="checkbox" name="instruments" value={instrument.value} defaultChecked={instrument.value === 'ODI' || instrument.value === 'STARTBACK'} className="h-5 w-5" />
              {instrument.label}
            </label>
          ))}
        </div>
        {errors.instruments ? <p className="mt-1 text-sm font-medium text-red-800">{errors.instruments.join(' ')}</p> : null}
      </fieldset>
      <SubmitButton pendingText="Adding…">Add patient and make invitation link</SubmitButton>
    </form>
  );
}
