'use client';

import { useActionState, useId } from 'react';
import { NOT_SENT, type FormResult } from '@/lib/forms';
import type { MeasurementData } from './measurement-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { ROM_METHOD_LABELS, ROM_METHODS } from '@/lib/clinical/rom';

type Action<Data> = (previous: FormResult<Data>, form: FormData) => Promise<FormResult<Data>>;

/** Correct (a new row supersedes this one) or delete (kept, marked deleted) one current measurement. */
export function MeasurementRowActions({
  measurementId,
  label,
  value,
  method,
  isAngle,
  correctAction,
  deleteAction,
}: {
  measurementId: string;
  label: string;
  value: number;
  method: string | null;
  isAngle: boolean;
  correctAction: Action<MeasurementData>;
  deleteAction: Action<undefined>;
}) {
  const [correctState, correct] = useActionState(correctAction, NOT_SENT);
  const [deleteState, remove] = useActionState(deleteAction, NOT_SENT);
  const id = useId();
  const error = !correctState.ok ? (correctState.fieldErrors?.value?.join(' ') ?? correctState.formError) : !deleteState.ok ? deleteState.formError : undefined;
  return (
    <div className="flex flex-wrap items-start gap-2">
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-800 underline">Correct<span className="sr-only"> {label}</span></summary>
        <form action={correct} className="mt-2 flex flex-wrap items-end gap-2">
          <input type="hidden" name="measurementId" value={measurementId} />
          <div>
            <label htmlFor={`${id}-value`} className="block text-xs font-medium">New value</label>
            <input id={`${id}-value`} name="value" inputMode="decimal" defaultValue={value} aria-describedby={error ? `${id}-error` : undefined} className="min-h-9 w-24 rounded-md border border-slate-400 px-2" />
          </div>
          {isAngle ? (
            <div>
              <label htmlFor={`${id}-method`} className="block text-xs font-medium">Method</label>
              <select id={`${id}-method`} name="method" defaultValue={method ?? ''} className="min-h-9 rounded-md border border-slate-400 bg-white px-1">
                {ROM_METHODS.map((option) => (
                  <option key={option} value={option}>{ROM_METHOD_LABELS[option]}</option>
                ))}
              </select>
            </div>
          ) : null}
          {!correctState.ok && correctState.data?.warnings ? (
            <label className="flex items-center gap-1 text-xs font-medium">
              <input type="checkbox" name="confirmWarnings" /> The value is correct
            </label>
          ) : null}
          <SubmitButton variant="secondary" className="min-h-9 px-3 py-1 text-sm">Save correction</SubmitButton>
        </form>
      </details>
      <form action={remove}>
        <input type="hidden" name="measurementId" value={measurementId} />
        <SubmitButton variant="secondary" className="min-h-9 px-3 py-1 text-sm">Delete<span className="sr-only"> {label}</span></SubmitButton>
      </form>
      {error ? <p id={`${id}-error`} role="alert" className="w-full text-sm font-medium text-red-800">{error}</p> : null}
    </div>
  );
}
