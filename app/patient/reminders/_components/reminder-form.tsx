'use client';

import { useActionState } from 'react';
import { Panel } from '@/components/ui/panel';
import { useFieldIds } from '@/components/ui/field-ids';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { NOT_SENT, type FormValues } from '@/lib/forms';
import { MAX_EXERCISE_TIMES, REMINDER_CHANNEL_LABEL, REMINDER_CHANNELS, REMINDER_KIND_LABEL, REMINDER_KINDS, type ReminderKind } from '@/lib/reminders/preferences';
import { saveReminderPreferencesAction } from '../actions';

export type ReminderFormDefaults = { exerciseTimes: string[]; quiet: boolean; quietStart: string; quietEnd: string; channel: string[] };

const KIND_HINT: Record<ReminderKind, (nudgeDays: number) => string> = {
  exercise: () => 'At the times below, on days your plan still has exercises for you.',
  questionnaire: () => 'Once, when a questionnaire from your physio is due.',
  nudge: (days) => `A friendly note if nothing has been logged for ${days} ${days === 1 ? 'day' : 'days'}.`,
};

/** A refused form's values (as sent) in the form's own shape, to show it again as the patient left it. */
function sent(values: FormValues): ReminderFormDefaults {
  const text = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));
  const times = values.exerciseTimes;
  return {
    exerciseTimes: Array.isArray(times) ? times : times === undefined ? [] : [times],
    quiet: text(values.quiet) === 'on',
    quietStart: text(values.quietStart),
    quietEnd: text(values.quietEnd),
    channel: Object.keys(values)
      .filter((key) => key.startsWith('channel-'))
      .map((key) => key.slice('channel-'.length)),
  };
}

/** The reminder preferences form: times, quiet hours and a switch per kind and channel. */
export function ReminderForm({ defaults, nudgeDays }: { defaults: ReminderFormDefaults; nudgeDays: number }) {
  const [state, action] = useActionState(saveReminderPreferencesAction, NOT_SENT);
  const errors = state.ok ? undefined : state.fieldErrors;
  const values = !state.ok && state.values ? sent(state.values) : defaults;
  // The saved times and one empty box for another, up to the limit.
  const times = [...values.exerciseTimes.filter((time, index) => time !== '' || Boolean(errors?.[`exerciseTimes.${index}`]))];
  if (times.length < MAX_EXERCISE_TIMES) times.push('');
  const channelError = errors?.channel;
  const channelIds = useFieldIds({ errors: channelError });
  return (
    <form action={action} className="space-y-6" noValidate>
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      {state.ok ? <FormAlert tone="success">Your reminder choices are saved.</FormAlert> : null}

      <Panel id="times-heading" size="large" title="Exercise reminder times" className="space-y-3">
        <p className="text-base text-slate-700">Pick up to {MAX_EXERCISE_TIMES} times of day. Leave a box empty to remove a time.</p>
        {errors?.exerciseTimes ? <p className="text-base font-medium text-red-800">{errors.exerciseTimes.join(' ')}</p> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          {times.map((time, index) => (
            <TextField
              key={`${index}-${time}`}
              label={time === '' && index === times.length - 1 ? 'Add a reminder time' : `Reminder time ${index + 1}`}
              name="exerciseTimes"
              type="time"
              step={60}
              defaultValue={time}
              errors={errors?.[`exerciseTimes.${index}`]}
            />
          ))}
        </div>
      </Panel>

      <Panel id="channels-heading" size="large" title="How to remind me" describedBy={channelIds.describedBy} className="space-y-3">
        {channelError ? (
          <p id={channelIds.errorId} className="text-base font-medium text-red-800">
            {channelError.join(' ')}
          </p>
        ) : null}
        {REMINDER_KINDS.map((kind) => (
          <div key={kind} className="border-t border-slate-200 pt-3 first-of-type:border-t-0 first-of-type:pt-0">
            <fieldset className="space-y-2">
              <legend className="text-lg font-semibold">{REMINDER_KIND_LABEL[kind]}</legend>
              <p className="text-base text-slate-700">{KIND_HINT[kind](nudgeDays)}</p>
              <div className="flex flex-wrap gap-2">
                {REMINDER_CHANNELS.map((channel) => (
                  <label
                    key={channel}
                    className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border-2 border-slate-300 bg-white px-4 py-2 text-lg has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
                  >
                    <input
                      type="checkbox"
                      name={`channel-${kind}:${channel}`}
                      defaultChecked={values.channel.includes(`${kind}:${channel}`)}
                      className="size-6 shrink-0 accent-brand-700"
                    />
                    {REMINDER_CHANNEL_LABEL[channel]}
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
        ))}
      </Panel>

      <Panel id="quiet-heading" size="large" title="Quiet hours" className="space-y-3">
        <p className="text-base text-slate-700">No reminders arrive in quiet hours. A questionnaire or nudge reminder waits until they end.</p>
        <label className="flex min-h-12 items-center gap-3 text-lg">
          <input type="checkbox" name="quiet" defaultChecked={values.quiet} className="size-6 accent-brand-700" />
          Keep quiet hours
        </label>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Quiet from" name="quietStart" type="time" step={60} defaultValue={values.quietStart} errors={errors?.quietStart} />
          <TextField label="Quiet until" name="quietEnd" type="time" step={60} defaultValue={values.quietEnd} errors={errors?.quietEnd} />
        </div>
      </Panel>

      <SubmitButton pendingText="Saving…">Save reminder choices</SubmitButton>
    </form>
  );
}
