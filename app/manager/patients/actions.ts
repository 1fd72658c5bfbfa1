'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { closePatientAccount, findPatientByEmail } from '@/lib/dal/retention';
import { refusal, type ActionResult } from '@/lib/errors';
import { fieldErrorsOf, formFields } from '@/lib/validation/form-data';
import { closeAccountSchema, findPatientSchema } from '@/lib/validation/retention';

export type FindPatientState = ActionResult & { email?: string };

export async function findPatientAction(_previous: FindPatientState, form: FormData): Promise<FindPatientState> {
  if (!(form instanceof FormData)) return { ok: false, formError: 'Something was wrong with the form. Please try again.' };
  const fields = formFields(form);
  const email = typeof fields.email === 'string' ? fields.email : '';
  const parsed = findPatientSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), email };
  let userId: string | null;
  try {
    userId = await findPatientByEmail(parsed.data.email);
  } catch (error) {
    return refusal(error);
  }
  if (!userId) return { ok: false, fieldErrors: { email: ['No patient of your clinic uses that email address.'] }, email };
  // The id, not the email, goes in the address: addresses end up in logs and browser history.
  redirect(`/manager/patients?patient=${userId}`);
}

export type CloseAccountState = ActionResult;

const CLOSE_REFUSALS = {
  'not-found': 'That patient is not in your clinic.',
  'already-closed': 'This account is already closed.',
  'in-care': 'This patient still has an open episode. Ask their clinician to discharge them first, then close the account.',
} as const;

export async function closeAccountAction(_previous: CloseAccountState, form: FormData): Promise<CloseAccountState> {
  if (!(form instanceof FormData)) return { ok: false, formError: 'Something was wrong with the form. Please try again.' };
  const parsed = closeAccountSchema.safeParse(formFields(form));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  let outcome: Awaited<ReturnType<typeof closePatientAccount>>;
  try {
    outcome = await closePatientAccount(parsed.data.userId);
  } catch (error) {
    return refusal(error);
  }
  if (outcome.status !== 'closed') return { ok: false, formError: CLOSE_REFUSALS[outcome.status] };
  revalidatePath('/manager/patients');
  redirect(`/manager/patients?patient=${parsed.data.userId}&result=closed`);
}
