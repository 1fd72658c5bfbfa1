'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { NOT_SENT, valueOf, type FormResult } from '@/lib/forms';
import type { SlotChoice } from '../actions';

type Action = (previous: FormResult<SlotChoice[]>, form: FormData) => Promise<FormResult<SlotChoice[]>>;
export type SlotDay = { label: string; slots: SlotChoice[] };

const RADIO = 'flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border-2 border-slate-300 bg-white px-4 py-2 text-lg has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50';

/** Free slots as radio buttons, by day; a slot just taken brings back the next free ones at the top. */
export function BookFollowUpForm({ action, submissionId, days }: { action: Action; submissionId: string; days: SlotDay[] }) {
  const [state, formAction] = useActionState(action, NOT_SENT as FormResult<SlotChoice[]>);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const nextFree = state.ok ? [] : (state.data ?? []);
  // The slot just refused as taken is no longer offered below.
  const taken = nextFree.length > 0 || state.formError ? valueOf(state, 'slot') : undefined;
  const shown = days.map((day) => ({ ...day, slots: day.slots.filter((slot) => slot.value !== taken) })).filter((day) => day.slots.length > 0);
  return (
    <form action={formAction} className="space-y-5">
      <input type="hidden" name="submissionId" value={submissionId} />
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      {nextFree.length > 0 ? (
        <fieldset className="space-y-2">
          <legend className="text-xl font-semibold">Next free times</legend>
          {nextFree.map((slot) => (
            <label key={slot.value} className={RADIO}>
              <input type="radio" name="slot" value={slot.value} className="size-5" />
              {slot.label}
            </label>
          ))}
        </fieldset>
      ) : null}
      <fieldset className="space-y-2">
        <legend className="text-xl font-semibold">How would you like to be seen?</legend>
        <label className={RADIO}>
          <input type="radio" name="kind" value="in-person" defaultChecked className="size-5" />
          In person at the clinic
        </label>
        <label className={RADIO}>
          <input type="radio" name="kind" value="phone" className="size-5" />
          By phone
        </label>
        {errors.kind ? <p className="text-base font-medium text-red-800">{errors.kind.join(' ')}</p> : null}
      </fieldset>
      {errors.slot ? <p className="text-base font-medium text-red-800">{errors.slot.join(' ')}</p> : null}
      {shown.map((day) => (
        <fieldset key={day.label} className="space-y-2">
          <legend className="text-lg font-semibold">{day.label}</legend>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            {day.slots.map((slot) => (
              <label key={slot.value} className={RADIO}>
                <input type="radio" name="slot" value={slot.value} className="size-5" aria-label={`${day.label}, ${slot.label}`} />
                {slot.label}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <SubmitButton pendingText="Booking…">Book this time</SubmitButton>
    </form>
  );
}
