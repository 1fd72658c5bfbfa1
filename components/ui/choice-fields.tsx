import type { ReactNode } from 'react';
import { useFieldIds } from './field-ids';
import { FIELD_TEXT } from './field-shell';

/*
 * The choice fields, in the large size patients need (often on a phone, sometimes older): a 0–10 scale,
 * one choice from a list, several choices. Text fields, textareas and selects are beside them in this folder.
 */

type Option = { value: string; label: string };

/** A group's frame: legend, hint, the options (given the group's id), then the error, all tied with aria-describedby. */
function ChoiceFieldset({
  legend,
  legendClassName = 'text-lg font-semibold text-slate-900',
  hint,
  errors,
  extra,
  children,
}: {
  legend: ReactNode;
  legendClassName?: string;
  hint?: string;
  errors?: string[];
  extra?: string[];
  children: (id: string) => ReactNode;
}) {
  const { id, hintId, describedBy, invalid } = useFieldIds({ hint, errors, extra });
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={invalid}>
      <legend className={legendClassName}>{legend}</legend>
      {hintId ? (
        <p id={hintId} className={FIELD_TEXT.large.hint}>
          {hint}
        </p>
      ) : null}
      {children(id)}
      {errors?.length ? (
        <p id={`${id}-error`} className={FIELD_TEXT.large.error}>
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Full-width option rows, large enough for a thumb: the radios of a choice or the boxes of a group. */
function OptionRows({ type, name, options, isChecked, className }: { type: 'radio' | 'checkbox'; name: string; options: readonly Option[]; isChecked: (value: string) => boolean; className: string }) {
  return (
    <div className={className}>
      {options.map((option) => (
        <label
          key={option.value}
          className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border-2 border-slate-300 bg-white px-4 py-3 text-lg has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
        >
          <input type={type} name={name} value={option.value} defaultChecked={isChecked(option.value)} className="size-6 shrink-0 accent-brand-700" />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}

/** A 0–10 scale as eleven large radio buttons: easy to hit with a thumb, no typing. */
export function ScaleField({
  name,
  legend,
  hint,
  errors,
  defaultValue,
  lowLabel = '0 = none',
  highLabel = '10 = worst imaginable',
  optional = false,
}: {
  name: string;
  legend: string;
  hint?: string;
  errors?: string[];
  defaultValue?: string | number | null;
  lowLabel?: string;
  highLabel?: string;
  optional?: boolean;
}) {
  const legendText = (
    <>
      {legend}
      {optional ? <span className="font-normal text-slate-700"> (optional)</span> : null}
    </>
  );
  return (
    <ChoiceFieldset legend={legendText} hint={hint} errors={errors} extra={['ends']}>
      {(id) => (
        <>
          <div className="mt-3 grid grid-cols-6 gap-2 sm:grid-cols-11">
            {Array.from({ length: 11 }, (_, value) => (
              <label
                key={value}
                className="flex min-h-12 cursor-pointer items-center justify-center rounded-lg border-2 border-slate-400 bg-white text-lg font-semibold text-slate-900 has-[:checked]:border-brand-800 has-[:checked]:bg-brand-700 has-[:checked]:text-white has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-700"
              >
                <input
                  type="radio"
                  name={name}
                  value={value}
                  defaultChecked={defaultValue !== undefined && defaultValue !== null && String(defaultValue) === String(value)}
                  className="sr-only"
                />
                {value}
              </label>
            ))}
          </div>
          <p id={`${id}-ends`} className="mt-2 flex justify-between text-sm text-slate-700">
            <span>{lowLabel}</span>
            <span>{highLabel}</span>
          </p>
        </>
      )}
    </ChoiceFieldset>
  );
}

/** One choice from a short list, as full-width radio rows. */
export function ChoiceField({
  name,
  legend,
  options,
  errors,
  defaultValue,
  hint,
  inline = false,
  legendClassName,
}: {
  name: string;
  legend: ReactNode;
  options: readonly Option[];
  errors?: string[];
  defaultValue?: string | null;
  hint?: string;
  inline?: boolean;
  legendClassName?: string;
}) {
  return (
    <ChoiceFieldset legend={legend} legendClassName={legendClassName} hint={hint} errors={errors}>
      {() => <OptionRows type="radio" name={name} options={options} isChecked={(value) => defaultValue === value} className={`mt-3 ${inline ? 'grid grid-cols-2 gap-3' : 'space-y-2'}`} />}
    </ChoiceFieldset>
  );
}

/** Several choices from a fixed list. */
export function CheckboxGroup({
  name,
  legend,
  options,
  errors,
  defaultValues = [],
  hint,
  columns = 2,
}: {
  name: string;
  legend: string;
  options: readonly Option[];
  errors?: string[];
  defaultValues?: readonly string[];
  hint?: string;
  /** Two columns from tablet width for short labels; one for sentences. */
  columns?: 1 | 2;
}) {
  return (
    <ChoiceFieldset legend={legend} hint={hint} errors={errors}>
      {() => (
        <OptionRows
          type="checkbox"
          name={name}
          options={options}
          isChecked={(value) => defaultValues.includes(value)}
          className={`mt-3 grid grid-cols-1 gap-2 ${columns === 2 ? 'sm:grid-cols-2' : ''}`}
        />
      )}
    </ChoiceFieldset>
  );
}
