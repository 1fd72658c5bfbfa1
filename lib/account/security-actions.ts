'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formFields } from '@/lib/validation/form-data';
import { signOut } from '@/lib/auth';
import {
  changeOwnPassword,
  confirmMfaEnrolment,
  disableMfa,
  issuePasswordResetLink,
  regenerateRecoveryCodes,
  startMfaEnrolment,
} from '@/lib/dal/account';
import { isAppError, type ActionResult } from '@/lib/errors';

const TOO_MANY = 'Too many tries. Wait a few minutes, then try again.';
const NOT_SIGNED_IN: Extract<ActionResult, { ok: false }> = { ok: false, formError: 'Your session has ended. Sign in again to continue.' };

type Failure = Extract<ActionResult, { ok: false }>;

/** Expected refusals from the DAL become a message; anything else is a real fault and is thrown. */
function refusal(error: unknown): Failure {
  if (isAppError(error, 'unauthenticated')) return NOT_SIGNED_IN;
  if (isAppError(error)) return { ok: false, formError: error.message };
  throw error;
}

const changePasswordSchema = z
  .object({
    username: z.string().max(254).optional(),
    current: z.string().min(1, 'Enter your current password.').max(128, 'That password is too long.'),
    password: z.string().max(1000),
    confirm: z.string().max(1000),
  })
  .strict();

export async function changePasswordAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const parsed = changePasswordSchema.safeParse(formFields(form));
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const { current, password, confirm } = parsed.data;
  if (password !== confirm) return { ok: false, fieldErrors: { confirm: ['The two new passwords are different.'] } };
  let outcome;
  try {
    outcome = await changeOwnPassword(current, password);
  } catch (error) {
    return refusal(error);
  }
  if (!outcome.ok) return { ok: false, fieldErrors: { [outcome.field]: [outcome.message] } };
  // Every session ended with the old password, this one too: sign in again with the new one.
  await signOut({ redirect: false });
  redirect('/login?passwordChanged=1');
}

export type EnrolState = ActionResult<{ recoveryCodes: string[] }>;

export async function startMfaAction(): Promise<ActionResult> {
  try {
    await startMfaEnrolment();
  } catch (error) {
    return refusal(error);
  }
  refresh();
  return { ok: true };
}

const codeSchema = z
  .object({ code: z.string().max(20).transform((value) => value.replace(/\s/g, '')).pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.')) })
  .strict();

export async function confirmMfaAction(_previous: EnrolState, form: FormData): Promise<EnrolState> {
  const parsed = codeSchema.safeParse(formFields(form));
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  let codes;
  try {
    codes = await confirmMfaEnrolment(parsed.data.code);
  } catch (error) {
    return refusal(error);
  }
  if (!codes) return { ok: false, fieldErrors: { code: ['That code didn’t match. Check the time on your phone and try the newest code.'] } };
  return { ok: true, data: { recoveryCodes: codes } };
}

const passwordOnlySchema = z.object({ password: z.string().min(1, 'Enter your password.').max(128, 'That password is too long.') }).strict();

export async function disableMfaAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const parsed = passwordOnlySchema.safeParse(formFields(form));
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  let outcome;
  try {
    outcome = await disableMfa(parsed.data.password);
  } catch (error) {
    return refusal(error);
  }
  if (outcome === 'wrong-password') return { ok: false, fieldErrors: { password: ['That is not your password.'] } };
  if (outcome === 'throttled') return { ok: false, fieldErrors: { password: [TOO_MANY] } };
  if (outcome === 'required') return { ok: false, formError: 'Your clinic requires two-step sign-in for your role, so it cannot be turned off.' };
  refresh();
  return { ok: true };
}

export async function regenerateCodesAction(_previous: EnrolState, form: FormData): Promise<EnrolState> {
  const parsed = passwordOnlySchema.safeParse(formFields(form));
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  let outcome;
  try {
    outcome = await regenerateRecoveryCodes(parsed.data.password);
  } catch (error) {
    return refusal(error);
  }
  if (outcome === 'wrong-password') return { ok: false, fieldErrors: { password: ['That is not your password.'] } };
  if (outcome === 'throttled') return { ok: false, fieldErrors: { password: [TOO_MANY] } };
  if (outcome === 'not-enrolled') return { ok: false, formError: 'Two-step sign-in is not on.' };
  return { ok: true, data: { recoveryCodes: outcome } };
}

const resetLinkSchema = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, 'Enter the person’s email address.')
      .max(254, 'That email address is too long.')
      .pipe(z.email('Enter an email address like name@example.com.')),
    // The manager's own authenticator code: asked for only when a staff link cannot be emailed.
    code: z
      .string()
      .max(20, 'Enter the 6-digit code.')
      .transform((value) => value.replace(/\s/g, ''))
      .pipe(z.string().regex(/^(\d{6})?$/, 'Enter the 6-digit code from your authenticator app.'))
      .optional(),
  })
  .strict();

export type ResetLinkState = ActionResult<
  | { delivery: 'link'; path: string; name: string; expiresAt: string; secondFactorCleared: boolean }
  | { delivery: 'emailed'; name: string }
>;

const RESET_REFUSALS: Record<string, Failure> = {
  refused: { ok: false, fieldErrors: { email: ['You can’t issue a reset link for that email address.'] } },
  'confirm-needed': {
    ok: false,
    fieldErrors: { code: ['This clinic has no mail server, so the link will be shown to you. Enter the code from your authenticator app to confirm it is you.'] },
  },
  'own-mfa-needed': {
    ok: false,
    formError: 'This clinic has no mail server, so a staff member’s link would be shown to you. Turn on two-step sign-in for your own account first, so we can confirm it is you.',
  },
  'wrong-code': { ok: false, fieldErrors: { code: ['That code didn’t match. Try the newest code from your authenticator app.'] } },
  throttled: { ok: false, fieldErrors: { code: [TOO_MANY] } },
  'mail-failed': { ok: false, formError: 'The email with the link could not be sent. Nothing was changed; try again in a few minutes.' },
};

export async function issueResetLinkAction(_previous: ResetLinkState, form: FormData): Promise<ResetLinkState> {
  const parsed = resetLinkSchema.safeParse(formFields(form));
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  let outcome;
  try {
    outcome = await issuePasswordResetLink({ email: parsed.data.email }, { code: parsed.data.code || undefined });
  } catch (error) {
    return refusal(error);
  }
  if (outcome.status === 'emailed') return { ok: true, data: { delivery: 'emailed', name: outcome.name } };
  if (outcome.status === 'link') {
    return {
      ok: true,
      data: { delivery: 'link', path: outcome.path, name: outcome.name, expiresAt: outcome.expiresAt.toISOString(), secondFactorCleared: outcome.secondFactorCleared },
    };
  }
  // One message whether the person does not exist or is not someone the viewer may reset.
  return RESET_REFUSALS[outcome.status]!;
}
