'use client';

import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import { ATTENDANCE_LABELS, ATTENDANCE_OUTCOMES, type Attendance } from '@/lib/appointments/rules';
import { NOT_SENT, type FormResult } from '@/lib/forms';

type Action = (previous: FormResult, form: FormData) => Promise<FormResult>;

export function AttendanceForm({ action, appointmentId, current, patientName }: { action: Action; appointmentId: string; current: Attendance | null; patientName: string }) {
  const [state, formAction] = useActionState(action, NOT_SENT);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="appointmentId" value={appointmentId} />
      <label className="text-sm">
        <span className="block font-medium">Attendance</span>
        <select name="attendance" defaultValue={current ?? 'attended'} className="mt-1 min-h-10 rounded-md border border-slate-400 bg-white px-2" aria-label={`Attendance of ${patientName}`}>
          {ATTENDANCE_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {ATTENDANCE_LABELS[outcome]}
            </option>
          ))}
        </select>
      </label>
      <SubmitButton variant="secondary" className="min-h-10 px-3 py-1 text-sm" pendingText="Saving…">
        Record<span className="sr-only"> attendance of {patientName}</span>
      </SubmitButton>
      {state.ok ? <p role="status" className="text-sm text-green-800">Saved.</p> : null}
      {!state.ok && state.formError ? <p role="alert" className="text-sm text-red-800">{state.formError}</p> : null}
    </form>
  );
}
