'use server';

import { z } from 'zod';
import { acknowledgeAlert } from '@/lib/dal/alerts';
import { formAction } from '@/lib/forms/action';
import type { FormValues } from '@/lib/forms/result';
import { acknowledgeSchema, type AckProblem } from '@/lib/validation/alerts';
import { idOrEmptySchema } from '@/lib/validation/ids';

/** Where the form was: the record of the episode named in `back`, or the alerts inbox. */
function pageOf(fields: FormValues | { back?: string }): string {
  const back = idOrEmptySchema.parse(fields.back ?? '');
  return back ? `/clinician/patients/${back}` : '/clinician/alerts';
}

/** Back to the page with the problem in the address; the page scrolls to the alert's card and shows it there. */
function withProblem(fields: FormValues, problem: AckProblem): string {
  const alertId = z.uuid().safeParse(fields.alertId);
  const params = new URLSearchParams({ ack: problem });
  if (alertId.success) params.set('alert', alertId.data);
  return `${pageOf(fields)}?${params.toString()}${alertId.success ? `#alert-${alertId.data}` : ''}`;
}

/**
 * Acknowledges an open alert, with an optional comment, from the inbox or a patient record. A plain form
 * action (no state): on success the page is refreshed in place (and leaves an address that showed an
 * earlier problem); a refusal comes back in the address (see ACK_PROBLEMS).
 */
export const acknowledgeAlertAction = formAction({
  access: 'clinician',
  schema: acknowledgeSchema,
  run: async ({ alertId, comment }) => {
    const outcome = await acknowledgeAlert(alertId, comment || null);
    if (outcome !== 'acknowledged') return { ok: false, data: outcome === 'already-closed' ? ('closed' as const) : ('not-found' as const) };
  },
  revalidate: '/clinician',
  redirect: (input) => (input.clear ? pageOf(input) : undefined),
  failed: (result, fields) => {
    const comment = result.fieldErrors?.comment?.[0];
    if (comment) return withProblem(fields, /characters or fewer/.test(comment) ? 'comment-too-long' : 'comment-characters');
    return withProblem(fields, result.data ?? (result.fieldErrors ? 'not-found' : 'refused'));
  },
});
