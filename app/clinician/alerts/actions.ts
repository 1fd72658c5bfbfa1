'use server';

import { revalidatePath } from 'next/cache';
import { acknowledgeAlert } from '@/lib/dal/alerts';
import { refusal, type ActionResult } from '@/lib/errors';
import { acknowledgeSchema } from '@/lib/validation/alerts';
import { fieldErrors } from '@/lib/validation/common';

export async function acknowledgeAlertAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  // A crafted request can put anything in any argument: refuse what is not a submitted form.
  if (!(form instanceof FormData)) return { ok: false, formError: 'Something was wrong with the form. Please reload the page and try again.' };
  const parsed = acknowledgeSchema.safeParse({ alertId: form.get('alertId'), comment: form.get('comment') ?? '' });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const outcome = await acknowledgeAlert(parsed.data.alertId, parsed.data.comment || null).catch(refusal);
  if (typeof outcome === 'object') return outcome;
  if (outcome === 'not-found') return { ok: false, formError: 'This alert could not be found.' };
  revalidatePath('/clinician', 'layout');
  if (outcome === 'already-closed') return { ok: false, formError: 'Someone already closed this alert.' };
  return { ok: true };
}
