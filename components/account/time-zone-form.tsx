'use client';

import { useActionState } from 'react';
import { NOT_SENT, valueOf } from '@/lib/forms';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { saveMyTimeZoneAction } from '@/lib/account/time-zone-actions';

const spaced = (zone: string) => zone.replace(/_/g, ' ');

/** Follow the clinic's zone, or choose one's own (suggestions from the datalist `listId`). */
export function TimeZoneForm({ own, clinic, listId }: { own: string | null; clinic: string; listId: string }) {
  const [state, action] = useActionState(saveMyTimeZoneAction, NOT_SENT);
  const errors = state.ok ? undefined : state.fieldErrors;
  const choice = valueOf(state, 'choice') ?? (own ? 'own' : 'clinic');
  return (
    <form action={action} className="space-y-4" noValidate>
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      {state.ok ? <FormAlert tone="success">Time zone saved.</FormAlert> : null}
      <fieldset className="space-y-2">
        <legend className="text-base font-medium text-slate-900">Whose time zone should Uplift use for your days?</legend>
        <label className="flex min-h-11 items-center gap-3">
          <input type="radio" name="choice" value="clinic" defaultChecked={choice === 'clinic'} className="size-5" />
          My clinic’s ({spaced(clinic)})
        </label>
        <label className="flex min-h-11 items-center gap-3">
          <input type="radio" name="choice" value="own" defaultChecked={choice === 'own'} className="size-5" />
          My own, below
        </label>
        {errors?.choice ? <p className="text-sm font-medium text-red-800">{errors.choice[0]}</p> : null}
      </fieldset>
      <TextField
        label="My time zone"
        name="timeZone"
        list={listId}
        autoComplete="off"
        spellCheck={false}
        hint="A place name such as Europe/London, America/New_York or Australia/Sydney. Start typing to see the list."
        defaultValue={valueOf(state, 'timeZone') ?? own ?? ''}
        errors={errors?.timeZone}
      />
      <SubmitButton pendingText="Saving…">Save time zone</SubmitButton>
    </form>
  );
}
