'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { inviteStaff, renewInvitation, setUserActive } from '@/lib/dal/clinic-users';
import { refusal, refusedTo, type ActionResult } from '@/lib/errors';
import { formFields, inviteStaffSchema, userIdSchema } from '@/lib/validation/users';

/** The same words whether the address is used in this clinic or another (lib/dal/internal/email-in-use.ts). */
const EMAIL_IN_USE = 'This email address can’t be used for a new account. If the person already uses Uplift, we have let them know; ask them for another address.';

export type InvitationResult = ActionResult<{ path: string; expiresAt: string; name: string }>;
/** What was typed, sent back so a refused form keeps it (React resets a form after its action). */
export type InviteFormState = InvitationResult & { values?: { name: string; email: string; role: string } };

export async function inviteStaffAction(_previous: InviteFormState, form: FormData): Promise<InviteFormState> {
  // A crafted request can put anything in any argument: refuse what is not a submitted form.
  if (!(form instanceof FormData)) return { ok: false, formError: 'Something was wrong with the form. Please reload the page and try again.' };
  const fields = formFields(form);
  const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string).slice(0, 300) : '');
  const values = { name: text('name'), email: text('email'), role: text('role') };
  const parsed = inviteStaffSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const outcome = await inviteStaff(parsed.data).catch(refusal);
  if ('formError' in outcome) return { ...outcome, values };
  if (!outcome.ok) return { ok: false, fieldErrors: { email: [EMAIL_IN_USE] }, values };
  revalidatePath('/manager/users');
  return { ok: true, data: { path: outcome.link.path, expiresAt: outcome.link.expiresAt.toISOString(), name: outcome.link.name } };
}

export async function renewInvitationAction(_previous: InvitationResult, form: FormData): Promise<InvitationResult> {
  const parsed = userIdSchema.safeParse(formFields(form));
  if (!parsed.success) return { ok: false, formError: 'Something was missing from the form. Please reload the page.' };
  const link = await renewInvitation(parsed.data.userId);
  if (!link) return { ok: false, formError: 'This person has already set a password or is no longer in your clinic.' };
  return { ok: true, data: { path: link.path, expiresAt: link.expiresAt.toISOString(), name: link.name } };
}

async function changeActive(form: FormData, active: boolean): Promise<never> {
  const parsed = userIdSchema.safeParse(formFields(form));
  const outcome = parsed.success ? await setUserActive(parsed.data.userId, active).catch(refusedTo('/manager/users')) : 'not-found';
  revalidatePath('/manager/users');
  const message = outcome === 'done' ? (active ? 'reactivated' : 'deactivated') : outcome;
  redirect(`/manager/users?result=${message}`);
}

export async function deactivateUserAction(form: FormData): Promise<void> {
  // A crafted request can put anything in any argument: refuse what is not a submitted form.
  if (!(form instanceof FormData)) return;
  await changeActive(form, false);
}

export async function reactivateUserAction(form: FormData): Promise<void> {
  // A crafted request can put anything in any argument: refuse what is not a submitted form.
  if (!(form instanceof FormData)) return;
  await changeActive(form, true);
}
