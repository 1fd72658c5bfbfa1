'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { acknowledgeAlert } from '@/lib/dal/alerts';
import { isAppError } from '@/lib/errors';
import { acknowledgeSchema, type AckProblem } from '@/lib/validation/alerts';
import { formDataToObject } from '@/lib/validation/form-data';
import { idOrEmptySchema } from '@/lib/validation/ids';

/**
 * Acknowledges an open alert, with an optional comment, from the inbox or a patient record. A plain form
 * action (no state): on success the page is refreshed in place; a refusal sends the clinician back to the
 * same page with the problem in the address, shown on the alert's card (see ACK_PROBLEMS).
 */
export async function acknowledgeAlertAction(form: FormData): Promise<void> {
  // A crafted request can put anything in any argument: refuse what is not a submitted form.
  if (!(form instanceof FormData)) return;
  // Where the form was: '' for the alerts inbox, or the episode whose record it was on.
  const back = idOrEmptySchema.parse(form.get('back') ?? '');
  const page = back ? `/clinician/patients/${back}` : '/clinician/alerts';
  const parsed = acknowledgeSchema.safeParse({ comment: '', ...formDataToObject(form) });
  let problem: AckProblem | null;
  if (!parsed.success) {
    const commentIssue = parsed.error.issues.find((issue) => issue.path[0] === 'comment');
    problem = !commentIssue ? 'not-found' : commentIssue.code === 'too_big' ? 'comment-too-long' : 'comment-characters';
  } else {
    try {
      const outcome = await acknowledgeAlert(parsed.data.alertId, parsed.data.comment || null);
      problem = outcome === 'acknowledged' ? null : outcome === 'already-closed' ? 'closed' : 'not-found';
    } catch (error) {
      if (!isAppError(error)) throw error;
      problem = 'refused';
    }
  }
  revalidatePath('/clinician', 'layout');
  if (problem) {
    // The alert's card, when the id is one: the page scrolls to it and shows the message there.
    const alertId = z.uuid().safeParse(form.get('alertId'));
    const params = new URLSearchParams({ ack: problem });
    if (alertId.success) params.set('alert', alertId.data);
    redirect(`${page}?${params.toString()}${alertId.success ? `#alert-${alertId.data}` : ''}`);
  }
  // The page showed an earlier problem in its address: leave that address, so the message goes.
  if (form.get('clear') === '1') redirect(page);
}
