import { ChoiceField } from '@/components/ui/choice-fields';
import { valueOf, type FormResult } from '@/lib/forms';

export const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** A question answered yes or no, the two answers side by side; the question in regular weight, as one of a list. */
export function YesNoQuestion({ name, question, hint, errors, defaultValue }: { name: string; question: string; hint?: string; errors?: string[]; defaultValue?: string }) {
  return (
    <ChoiceField
      name={name}
      legend={question}
      hint={hint}
      legendClassName="text-lg font-medium text-slate-900"
      options={YES_NO}
      inline
      errors={errors}
      defaultValue={defaultValue}
    />
  );
}

/**
 * One red-flag question (docs/CLINICAL.md, Red flags). It is sent as `redFlags-<key>` and its message
 * comes back under `redFlags.<key>`; after a refused submit it shows what was sent.
 */
export function RedFlagQuestion({ entry, state }: { entry: { key: string; question: string }; state: FormResult<unknown> }) {
  return (
    <YesNoQuestion
      name={`redFlags-${entry.key}`}
      question={entry.question}
      errors={state.fieldErrors?.[`redFlags.${entry.key}`]}
      defaultValue={valueOf(state, `redFlags-${entry.key}`)}
    />
  );
}
