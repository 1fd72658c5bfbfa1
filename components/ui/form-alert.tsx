import type { ReactNode } from 'react';
import type { FormResult } from '@/lib/forms/result';

const TEXT = { regular: 'text-base', large: 'text-lg' } as const;

/**
 * A form's message: an error (announced as an alert) or a success (a status). Nothing when there is no
 * message. `large` for patients' forms, beside their large fields.
 */
export function FormAlert({ children, tone = 'error', size = 'regular' }: { children?: ReactNode; tone?: 'error' | 'success'; size?: keyof typeof TEXT }) {
  if (children === undefined || children === null || children === '') return null;
  const styles = tone === 'error' ? 'border-red-700 bg-red-50 text-red-900' : 'border-green-700 bg-green-50 text-green-900';
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-lg border-l-4 p-4 ${TEXT[size]} ${styles}`}>
      {children}
    </div>
  );
}

/**
 * A form's last answer as its message: the form error of a refusal, or `saved` once the form went
 * through. Nothing before the form is sent, or when a refusal's messages are all beside the fields.
 */
export function FormOutcome({ result, saved, size }: { result: Pick<FormResult<unknown>, 'ok' | 'formError'>; saved: ReactNode; size?: keyof typeof TEXT }) {
  return result.ok ? (
    <FormAlert tone="success" size={size}>
      {saved}
    </FormAlert>
  ) : (
    <FormAlert size={size}>{result.formError}</FormAlert>
  );
}
