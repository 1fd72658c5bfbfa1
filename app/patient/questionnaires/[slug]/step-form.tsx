'use client';

import { useActionState } from 'react';
import { CheckboxGroup, ChoiceField, ScaleField } from '@/components/ui/choice-fields';
import { PatientForm } from '@/components/patient/patient-form';
import { NOT_SENT, valueOf, type FormValues } from '@/lib/forms';
import { TextField } from '@/components/ui/text-field';
import { saveQuestionnaireStepAction } from '../actions';

/** One question of a screen. Each kind carries the props of its field (`ChoiceField`, `ScaleField`, `TextField`, `CheckboxGroup`). */
export type ScreenQuestion =
  | { kind: 'choice'; name: string; legend: string; hint?: string; options: { value: string; label: string }[]; defaultValue: string | null; inline?: boolean }
  | { kind: 'scale'; name: string; legend: string; lowLabel: string; highLabel: string; defaultValue: number | null }
  | { kind: 'text'; name: string; label: string; hint?: string; maxLength: number; defaultValue: string; optional: boolean }
  | { kind: 'checks'; name: string; legend: string; hint?: string; options: { value: string; label: string }[]; defaultValues: string[] };

/** One screen of a questionnaire, described by the server so the form stays small. */
export function StepForm({
  slug,
  submissionId,
  step,
  questions,
  submitLabel,
}: {
  slug: string;
  submissionId: string;
  step: number;
  questions: ScreenQuestion[];
  submitLabel: string;
}) {
  const [state, action] = useActionState(saveQuestionnaireStepAction.bind(null, slug), NOT_SENT);
  const errors = state.fieldErrors ?? {};
  return (
    <PatientForm state={state} action={action} hidden={{ submissionId, step }} submitLabel={submitLabel}>
      {questions.map((question) => (
        <QuestionField key={question.name} question={question} values={state.values} errors={errors[question.name]} />
      ))}
    </PatientForm>
  );
}

/** One question as its field. After a refused submit it shows what was sent, not what was saved before. */
function QuestionField({ question, values, errors }: { question: ScreenQuestion; values?: FormValues; errors?: string[] }) {
  const sent = valueOf({ values }, question.name);
  switch (question.kind) {
    case 'choice':
      return <ChoiceField {...question} errors={errors} defaultValue={sent ?? question.defaultValue} />;
    case 'scale':
      return <ScaleField {...question} errors={errors} defaultValue={sent ?? question.defaultValue} />;
    case 'checks':
      // Boxes left unticked are not sent at all: once anything was sent, what was ticked is exactly what came back.
      return <CheckboxGroup {...question} columns={1} errors={errors} defaultValues={values ? [values[question.name] ?? []].flat() : question.defaultValues} />;
    case 'text':
      return (
        <TextField
          name={question.name}
          label={question.optional ? `${question.label} (optional)` : question.label}
          hint={question.hint}
          maxLength={question.maxLength}
          errors={errors}
          defaultValue={sent ?? question.defaultValue}
          className="text-lg"
        />
      );
  }
}
