'use server';

import { z } from 'zod';
import { signOut } from '@/lib/auth';
import {
  changeOwnPassword,
  confirmMfaEnrolment,
  disableMfa,
  issuePasswordResetLink,
  regenerateRecoveryCodes,
  startMfaEnrolment,
} from '@/lib/dal/account';
import { formAction } from '@/lib/forms/action';
import { fieldRefused, refused, type FormResult } from '@/lib/forms/result';
import { authenticatorCode, emailField } from '@/lib/validation/fields';

const TOO_MANY = 'Too many tries. Wait a few minutes, then try again.';
const WRONG_PASSWORD = 'That is not your password.';

/** Any signed-in person's own account: a user who must still set up two-step sign-in may do so. */
const own = { access: 'signed-in' } as const;

export type RecoveryCodes = { recoveryCodes: string[] };

const changePasswordSchema = z
  .object({
    username: z.string().max(254).optional(),
    current: z.string().min(1, 'Enter your current password.').max(128, 'That password is too long.'),
    password: z.string().max(1000),
    confirm: z.string().max(1000),
  })
  .strict();

export const changePasswordAction = formAction({
  ...own,
  schema: changePasswordSchema,
  run: async ({ current, password, confirm }) => {
    if (password !== confirm) return fieldRefused('confirm', 'The two new passwords are different.');
    const outcome = await changeOwnPassword(current, password);
    if (!outcome.ok) return fieldRefused(outcome.field, outcome.message);
    // Every session ended with the old password, this one too: sign in again with the new one.
    await signOut({ redirect: false });
  },
  redirect: () => '/login?passwordChanged=1',
});

export const startMfaAction = formAction({
  ...own,
  schema: z.object({}).strict(),
  run: () => startMfaEnrolment(),
  revalidate: 'refresh',
});

export const confirmMfaAction = formAction({
  ...own,
  schema: z.object({ code: authenticatorCode.refine((code) => code !== '', 'Enter the 6-digit code from your authenticator app.') }).strict(),
  run: async ({ code }) => {
    const codes = await confirmMfaEnrolment(code);
    if (!codes) return fieldRefused('code', 'That code didn’t match. Check the time on your phone and try the newest code.');
    return { ok: true, data: { recoveryCodes: codes } as RecoveryCodes };
  },
});

const passwordOnlySchema = z.object({ password: z.string().min(1, 'Enter your password.').max(128, 'That password is too long.') }).strict();

/** The refusals of an action confirmed with one's own password, beside the password field. */
function passwordRefusal(outcome: unknown): FormResult<never> | undefined {
  if (outcome === 'wrong-password') return fieldRefused('password', WRONG_PASSWORD);
  if (outcome === 'throttled') return fieldRefused('password', TOO_MANY);
  return undefined;
}

export const disableMfaAction = formAction({
  ...own,
  schema: passwordOnlySchema,
  run: async ({ password }) => {
    const outcome = await disableMfa(password);
    if (outcome === 'required') return refused('Your clinic requires two-step sign-in for your role, so it cannot be turned off.');
    return passwordRefusal(outcome);
  },
  revalidate: 'refresh',
});

export const regenerateCodesAction = formAction({
  ...own,
  schema: passwordOnlySchema,
  run: async ({ password }) => {
    const outcome = await regenerateRecoveryCodes(password);
    if (outcome === 'not-enrolled') return refused('Two-step sign-in is not on.');
    if (typeof outcome === 'string') return passwordRefusal(outcome);
    return { ok: true, data: { recoveryCodes: outcome } as RecoveryCodes };
  },
});

const resetLinkSchema = z
  .object({
    email: emailField('Enter the person’s email address.'),
    // The manager's own authenticator code: asked for only when a staff link cannot be emailed.
    code: authenticatorCode.optional(),
  })
  .strict();

export type ResetLink =
  | { delivery: 'link'; path: string; name: string; expiresAt: string; secondFactorCleared: boolean }
  | { delivery: 'emailed'; name: string };

const RESET_REFUSALS: Record<string, FormResult<never>> = {
  refused: fieldRefused('email', 'You can’t issue a reset link for that email address.'),
  'confirm-needed': fieldRefused('code', 'This clinic has no mail server, so the link will be shown to you. Enter the code from your authenticator app to confirm it is you.'),
  'own-mfa-needed': refused('This clinic has no mail server, so a staff member’s link would be shown to you. Turn on two-step sign-in for your own account first, so we can confirm it is you.'),
  'wrong-code': fieldRefused('code', 'That code didn’t match. Try the newest code from your authenticator app.'),
  throttled: fieldRefused('code', TOO_MANY),
  'mail-failed': refused('The email with the link could not be sent. Nothing was changed; try again in a few minutes.'),
};

/** A clinician (for their patients) or a manager (for their clinic): a password reset link, emailed or shown once. */
export const issueResetLinkAction = formAction({
  ...own,
  schema: resetLinkSchema,
  run: async ({ email, code }) => {
    const outcome = await issuePasswordResetLink({ email }, { code: code || undefined });
    if (outcome.status === 'emailed') return { ok: true, data: { delivery: 'emailed', name: outcome.name } as ResetLink };
    if (outcome.status === 'link') {
      const { path, name, expiresAt, secondFactorCleared } = outcome;
      return { ok: true, data: { delivery: 'link', path, name, expiresAt: expiresAt.toISOString(), secondFactorCleared } as ResetLink };
    }
    // One message whether the person does not exist or is not someone the viewer may reset.
    return RESET_REFUSALS[outcome.status]!;
  },
});
