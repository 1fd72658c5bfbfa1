'use client';

import { useActionState, useId, useState, useTransition, type FormEvent } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { MAX_IMPORT_BYTES } from '@/lib/validation/patient-import';
import type { ImportReport } from '@/lib/dal/import';
import { NOT_SENT, type FormResult } from '@/lib/forms';
import { importPatientsAction } from './actions';

const COLUMN_LABELS: Record<string, string> = {
  name: 'name',
  email: 'email',
  date_of_birth: 'date_of_birth',
  condition: 'condition',
  clinician: 'clinician',
  baseline_pain: 'baseline_pain',
  past_pain: 'past_pain',
};

function Report({ state }: { state: FormResult<ImportReport> }) {
  if (!state.ok) return state.formError ? <FormAlert>{state.formError}</FormAlert> : null;
  const report = state.data;
  if (!report) return null;
  if (report.fileError) {
    return (
      <FormAlert>
        <p className="font-semibold">Nothing was imported.</p>
        <p>{report.fileError}</p>
      </FormAlert>
    );
  }
  const skipped = report.skipped.length;
  const imported = report.status === 'imported';
  const skippedText =
    skipped > 0
      ? ` ${skipped} ${skipped === 1 ? 'patient' : 'patients'} ${imported ? (skipped === 1 ? 'was' : 'were') : skipped === 1 ? 'is' : 'are'} already in Uplift and ${imported ? 'were' : 'will be'} left as they are.`
      : '';
  if (report.errors.length > 0) {
    return (
      <div className="space-y-3">
        <FormAlert>
          <p className="font-semibold">
            {report.errors.length === 1 ? 'The file has 1 problem' : `The file has ${report.errors.length} problems`}. Nothing was imported.
          </p>
          <p>Fix these rows in your spreadsheet, save it as CSV again, choose it and check it again.</p>
        </FormAlert>
        <div className="overflow-x-auto">
          <table className="stack-table min-w-full text-sm">
            <caption className="sr-only">Problems found in the file, by row</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2 text-left">Row</th>
                <th scope="col" className="px-3 py-2 text-left">Column</th>
                <th scope="col" className="px-3 py-2 text-left">Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((error, index) => (
                <tr key={index} className="border-t border-slate-200">
                  <td data-label="Row" className="px-3 py-2 tabular-nums">{error.row}</td>
                  <td data-label="Column" className="px-3 py-2 font-mono">{error.column ? COLUMN_LABELS[error.column] : '—'}</td>
                  <td data-label="Problem" className="px-3 py-2">{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    );
  }
  const previously = report.previousImportAt
    ? ` This same file was imported before, on ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(report.previousImportAt))}.`
    : '';
  if (report.status === 'checked') {
    return (
      <FormAlert tone="success">
        <p className="font-semibold">The file is ready to import: {report.toCreate === 1 ? '1 new patient' : `${report.toCreate} new patients`}.</p>
        <p>
          {skippedText}
          {previously} Nothing has been imported yet: press “Import patients”.
        </p>
      </FormAlert>
    );
  }
  return (
    <FormAlert tone="success">
      <p className="font-semibold">Imported {report.toCreate === 1 ? '1 patient' : `${report.toCreate} patients`}.</p>
      <p>
        {skippedText} Their invitations are waiting in the list below; nothing has been sent to them yet.
      </p>
    </FormAlert>
  );
}

export function ImportForm() {
  const [state, action] = useActionState(importPatientsAction, NOT_SENT);
  const [pending, startTransition] = useTransition();
  const [sizeError, setSizeError] = useState<string | null>(null);
  const fileId = useId();
  const fileError = sizeError ?? (!state.ok ? state.fieldErrors?.file?.join(' ') : undefined);
  // Submitted by hand so the chosen file stays chosen after a check (a form action would reset the form).
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(form, submitter);
    const file = data.get('file');
    if (file instanceof File && file.size > MAX_IMPORT_BYTES) {
      setSizeError(`The file is too large (${Math.ceil(file.size / 1024)} KB). The limit is ${MAX_IMPORT_BYTES / 1024} KB: split it into smaller files.`);
      return;
    }
    setSizeError(null);
    startTransition(() => action(data));
  };
  return (
    <div className="space-y-4">
      <form action={action} onSubmit={submit} className="space-y-4" noValidate>
        <div>
          <label htmlFor={fileId} className="block text-base font-medium text-slate-900">
            CSV file
          </label>
          <p id={`${fileId}-hint`} className="mt-1 text-sm text-slate-700">
            UTF-8 CSV, at most {MAX_IMPORT_BYTES / 1024} KB.
          </p>
          <input
            id={fileId}
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={[`${fileId}-hint`, fileError ? `${fileId}-error` : null].filter(Boolean).join(' ')}
            aria-invalid={fileError ? true : undefined}
            className="mt-2 block w-full rounded-lg border border-slate-400 bg-white p-2 text-base"
          />
          {fileError ? (
            <p id={`${fileId}-error`} className="mt-2 text-sm font-medium text-red-800">
              {fileError}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" name="mode" value="check" disabled={pending} className="inline-flex min-h-12 items-center rounded-lg border border-slate-400 bg-white px-5 py-3 font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-70">
            Check the file
          </button>
          <button type="submit" name="mode" value="import" disabled={pending} className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
            Import patients
          </button>
        </div>
        <p aria-live="polite" className="text-slate-700">
          {pending ? 'Reading the file…' : ''}
        </p>
      </form>
      <div aria-live="polite">
        <Report state={state} />
      </div>
    </div>
  );
}
