'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import type { ScheduleFormState } from './actions';

type Action = (previous: ScheduleFormState, form: FormData) => Promise<ScheduleFormState>;

/** One questionnaire's schedule: on or off, weeks between, and an optional "please answer by" date. */
export function ScheduleForm({
  action,
  instrument,
  name,
  enabled,
  intervalWeeks,
  requestBy,
  today,
}: {
  action: Action;
  instrument: string;
  name: string;
  enabled: boolean;
  intervalWeeks: number | null;
  requestBy: string | null;
  today: string;
}) {
  const [state, formAction] = useActionState(action, { ok: true });
  const values = state.ok ? {} : (state.values ?? {});
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <form action={formAction} key={JSON.stringify(values) + String(state.ok && state.saved)} className="space-y-3" noValidate>
      <input type="hidden" name="instrument" value={instrument} />
      {state.ok && state.saved ? <FormAlert tone="success">Schedule saved for {name}.</FormAlert> : null}
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          label="Ask the patient"
          name="enabled"
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No, switched off' },
          ]}
          defaultValue={values.enabled ?? (enabled ? 'yes' : 'no')}
          errors={errors.enabled}
        />
        <TextField
          size="compact"
          label="Weeks between (empty: once)"
          name="intervalWeeks"
          inputMode="numeric"
          defaultValue={values.intervalWeeks ?? (intervalWeeks === null ? '' : String(intervalWeeks))}
          errors={errors.intervalWeeks}
        />
        <TextField
          size="compact"
          label="Ask by (optional)"
          name="requestBy"
          type="date"
          min={today}
          defaultValue={values.requestBy ?? requestBy ?? ''}
          errors={errors.requestBy}
        />
      </div>
      {errors.instrument ? <FormAlert>{errors.instrument.join(' ')}</FormAlert> : null}
      <SubmitButton variant="secondary">
        Save schedule<span className="sr-only"> for {name}</span>
      </SubmitButton>
    </form>
  );
}
