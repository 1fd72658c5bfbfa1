'use client';

import { useActionState, useId } from 'react';
import { NOT_SENT, valueOf, type FormResult } from '@/lib/forms';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { describeReference, formatMeasurement, MEASURE_CODES, romReference, ROM_MEASURES, ROM_METHOD_LABELS, ROM_METHODS, type MeasureCode } from '@/lib/clinical/rom';

/** What the measurement actions answer with: how many were saved, or the values to check again. */
export type MeasurementData = { saved?: number; warnings?: Record<string, string> };

type Action = (previous: FormResult<MeasurementData>, form: FormData) => Promise<FormResult<MeasurementData>>;

/** All lumbar measures on one form; empty fields are simply not recorded. */
export function MeasurementForm({ action, defaultMeasuredAt, submissionId }: { action: Action; defaultMeasuredAt: string; submissionId: string }) {
  const [state, formAction] = useActionState(action, NOT_SENT);
  const id = useId();
  const errors = state.fieldErrors ?? {};
  const warnings = (!state.ok && state.data?.warnings) || {};
  // A new key after each submit re-creates the inputs with the submitted values (React resets forms after an action).
  const formKey = JSON.stringify(state.values ?? null);
  return (
    <form action={formAction} key={formKey} className="space-y-4 rounded-xl border border-slate-200 bg-white p-4" noValidate>
      <h2 className="text-xl font-semibold">Record measurements</h2>
      <input type="hidden" name="submissionId" value={submissionId} />
      {state.ok && state.data?.saved ? (
        <FormAlert tone="success">{state.data.saved === 1 ? 'Measurement saved.' : `${state.data.saved} measurements saved.`}</FormAlert>
      ) : null}
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <div className="flex flex-wrap gap-4">
        <Field id={`${id}-at`} label="Measured at" errors={errors.measuredAt}>
          <input
            id={`${id}-at`}
            name="measuredAt"
            type="datetime-local"
            defaultValue={valueOf(state, 'measuredAt') ?? defaultMeasuredAt}
            aria-invalid={errors.measuredAt ? true : undefined}
            aria-describedby={errors.measuredAt ? `${id}-at-error` : undefined}
            className="min-h-10 rounded-md border border-slate-400 px-2"
          />
        </Field>
        <Field id={`${id}-method`} label="Method for the angles" errors={errors.method}>
          <select
            id={`${id}-method`}
            name="method"
            defaultValue={valueOf(state, 'method') ?? 'dual-inclinometer'}
            aria-invalid={errors.method ? true : undefined}
            aria-describedby={errors.method ? `${id}-method-error` : undefined}
            className="min-h-10 rounded-md border border-slate-400 bg-white px-2"
          >
            <option value="">Choose…</option>
            {ROM_METHODS.map((method) => (
              <option key={method} value={method}>
                {ROM_METHOD_LABELS[method]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {MEASURE_CODES.map((code) => (
          <MeasureInput key={code} code={code} formId={id} value={valueOf(state, code) ?? ''} errors={errors[code]} warning={warnings[code]} />
        ))}
      </div>
      {Object.keys(warnings).length > 0 ? (
        <label className="flex items-center gap-2 font-medium">
          <input type="checkbox" name="confirmWarnings" className="h-5 w-5" />
          The values are correct
        </label>
      ) : null}
      <SubmitButton pendingText="Saving…">Save measurements</SubmitButton>
    </form>
  );
}

function Field({ id, label, errors, children }: { id: string; label: string; errors?: string[]; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="mt-1">{children}</div>
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

function MeasureInput({ code, formId, value, errors, warning }: { code: MeasureCode; formId: string; value: string; errors?: string[]; warning?: string }) {
  const measure = ROM_MEASURES[code];
  const reference = romReference(code, null);
  const id = `${formId}-${code}`;
  const unit = measure.unit === 'deg' ? 'degrees' : 'cm';
  const hint = `${formatMeasurement(measure.min, measure.unit)} to ${formatMeasurement(measure.max, measure.unit)}`;
  const describedBy = [`${id}-hint`, errors?.length ? `${id}-error` : null, warning ? `${id}-warning` : null].filter(Boolean).join(' ');
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {measure.clinicalLabel} ({unit})
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-700">
        Accepted {hint}
        {reference ? `; ${reference.label.toLowerCase()}: ${describeReference(reference, measure.unit)}` : ''}
        {measure.lowerIsBetter ? '; smaller is better' : ''}
      </p>
      <input
        id={id}
        name={code}
        inputMode="decimal"
        defaultValue={value}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 min-h-10 w-full rounded-md border border-slate-400 px-2 aria-invalid:border-red-700"
      />
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {errors.join(' ')}
        </p>
      ) : null}
      {warning ? (
        <p id={`${id}-warning`} className="mt-1 text-sm font-medium text-amber-900">
          {warning}
        </p>
      ) : null}
    </div>
  );
}
