import { useId } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import type { AckProblemNotice } from '@/lib/validation/alerts';

/**
 * The acknowledge form of one open alert: a plain form, so it works before the page's script has loaded
 * and a list of fifty renders quickly (a form with `useActionState` writes its state into hidden fields,
 * which cost the alerts inbox about a sixth of its server time). A refusal comes back in the page's
 * address and arrives here as `problem`.
 */
export function AcknowledgeForm({
  action,
  alertId,
  patientName,
  back,
  clearProblem,
  problem,
}: {
  action: (form: FormData) => Promise<void>;
  alertId: string;
  patientName: string;
  /** The episode whose record the form is on; '' in the inbox. */
  back: string;
  /** The page is showing a problem from its address: a successful acknowledgement leaves that address. */
  clearProblem: boolean;
  problem: Pick<AckProblemNotice, 'message' | 'onComment'> | null;
}) {
  const id = useId();
  const commentError = problem?.onComment ? problem.message : undefined;
  return (
    <form action={action} className="mt-3 space-y-2">
      <input type="hidden" name="alertId" value={alertId} />
      {back ? <input type="hidden" name="back" value={back} /> : null}
      {clearProblem ? <input type="hidden" name="clear" value="1" /> : null}
      <label htmlFor={`${id}-comment`} className="block text-sm font-medium">
        Comment (optional)
      </label>
      <textarea
        id={`${id}-comment`}
        name="comment"
        rows={2}
        maxLength={1000}
        aria-invalid={commentError ? true : undefined}
        aria-describedby={commentError ? `${id}-error` : undefined}
        className="block w-full rounded-md border border-slate-400 px-2 py-1 text-sm"
      />
      {commentError ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {commentError}
        </p>
      ) : null}
      {problem && !problem.onComment ? <FormAlert>{problem.message}</FormAlert> : null}
      <SubmitButton variant="secondary" pendingText="Acknowledging…" className="min-h-10 py-1 text-sm">
        Acknowledge<span className="sr-only"> alert for {patientName}</span>
      </SubmitButton>
    </form>
  );
}
