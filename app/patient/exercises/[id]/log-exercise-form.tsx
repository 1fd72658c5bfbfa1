'use client';

import { useActionState, useState } from 'react';
import { PatientForm } from '@/components/patient/patient-form';
import { ChoiceField, ScaleField } from '@/components/ui/choice-fields';
import { RecordButtonForm } from '@/components/ui/record-button-form';
import { NOT_SENT, valueOf } from '@/lib/forms';
import { SKIP_REASON_LABELS, SKIP_REASONS } from '@/lib/validation/exercise-log-options';
import { logExerciseAction, undoExerciseLogAction } from '../actions';

const STATUS_OPTIONS = [
  { value: 'done', label: 'I did it all' },
  { value: 'partial', label: 'I did part of it' },
  { value: 'skipped', label: 'I skipped it' },
];
const REASON_OPTIONS = SKIP_REASONS.map((value) => ({ value, label: SKIP_REASON_LABELS[value] }));

export function LogExerciseForm({
  planItemId,
  submissionId,
  sets,
  setWord,
}: {
  planItemId: string;
  submissionId: string;
  sets: number | null;
  setWord: 'sets' | 'rounds';
}) {
  const [state, action] = useActionState(logExerciseAction, NOT_SENT);
  const [status, setStatus] = useState<string | undefined>(valueOf(state, 'status'));
  const errors = state.fieldErrors ?? {};
  const shown = status ?? valueOf(state, 'status');
  const setOptions = sets && sets > 1 ? Array.from({ length: sets + 1 }, (_, n) => ({ value: String(n), label: String(n) })) : null;
  return (
    <PatientForm
      state={state}
      action={action}
      hidden={{ submissionId, planItemId }}
      submitLabel="Save"
      className="space-y-6"
      onChange={(event) => {
        const target = event.target as unknown as HTMLInputElement;
        if (target.name === 'status') setStatus(target.value);
      }}
    >
      <ChoiceField name="status" legend="How did it go?" options={STATUS_OPTIONS} errors={errors.status} defaultValue={valueOf(state, 'status')} />
      {shown !== 'skipped' ? (
        <>
          {setOptions ? (
            <ChoiceField
              name="setsDone"
              legend={`How many of the ${sets} ${setWord} did you do?`}
              options={setOptions}
              inline
              errors={errors.setsDone}
              defaultValue={valueOf(state, 'setsDone') ?? (shown === 'done' ? String(sets) : undefined)}
              key={`sets-${shown}`}
            />
          ) : null}
          <ScaleField
            name="difficulty"
            legend="How hard did it feel?"
            lowLabel="0 = very easy"
            highLabel="10 = hardest possible"
            errors={errors.difficulty}
            defaultValue={valueOf(state, 'difficulty')}
          />
          <ScaleField
            name="painDuring"
            legend="Pain during the exercise"
            hint="Up to 5 out of 10 is fine if it settles by the next morning."
            errors={errors.painDuring}
            defaultValue={valueOf(state, 'painDuring')}
          />
        </>
      ) : null}
      {shown === 'partial' || shown === 'skipped' ? (
        <ChoiceField
          name="skipReason"
          legend={shown === 'partial' ? 'Why did you stop early?' : 'Why did you skip it?'}
          options={REASON_OPTIONS}
          errors={errors.skipReason}
          defaultValue={valueOf(state, 'skipReason')}
        />
      ) : null}
    </PatientForm>
  );
}

export function UndoLogForm({ logId, label }: { logId: string; label: string }) {
  return <RecordButtonForm action={undoExerciseLogAction} idField="logId" id={logId} verb="Undo" record={label} pendingText="Undoing…" size="large" />;
}
