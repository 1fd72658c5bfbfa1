'use client';

import { useActionState } from 'react';
import { CheckboxGroup, ChoiceField, ScaleField } from '@/components/ui/choice-fields';
import { FormAlert } from '@/components/ui/form-alert';
import { NOT_SENT, valueOf } from '@/lib/forms';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { saveQuestionnaireStepAction } from '../actions';

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
  const formRef = useFocusFirstError(state);
  const errors = state.fieldErrors ?? {};
  const sent = (name: string) => (state.values ? valueOf(state, name) : undefined);
  return (
    <form ref={formRef} action={action} noValidate className="space-y-8">
      <input type="hidden" name="submissionId" value={submissionId} />
      <input type="hidden" name="step" value={step} />
      <FormAlert size="large">{state.formError}</FormAlert>
      {questions.map((question) => {
        if (question.kind === 'choice') {
          return (
            <ChoiceField
              key={question.name}
              name={question.name}
              legend={question.legend}
              hint={question.hint}
              options={question.options}
              inline={question.inline}
              errors={errors[question.name]}
              defaultValue={sent(question.name) ?? question.defaultValue}
            />
          );
        }
        if (question.kind === 'checks') {
          const sentValues = state.values ? [state.values[question.name] ?? []].flat() : null;
          return (
            <CheckboxGroup
              key={question.name}
              name={question.name}
              legend={question.legend}
              hint={question.hint}
              options={question.options}
              columns={1}
              errors={errors[question.name]}
              defaultValues={sentValues ?? question.defaultValues}
            />
          );
        }
        if (question.kind === 'scale') {
          return (
            <ScaleField
              key={question.name}
              name={question.name}
              legend={question.legend}
              lowLabel={question.lowLabel}
              highLabel={question.highLabel}
              errors={errors[question.name]}
              defaultValue={sent(question.name) ?? question.defaultValue}
            />
          );
        }
        return (
          <TextField
            key={question.name}
            name={question.name}
            label={question.optional ? `${question.label} (optional)` : question.label}
            hint={question.hint}
            maxLength={question.maxLength}
            errors={errors[question.name]}
            defaultValue={sent(question.name) ?? question.defaultValue}
            className="text-lg"
          />
        );
      })}
      <SubmitButton pendingText="Saving…" className="w-full text-lg">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
