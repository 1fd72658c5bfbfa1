'use server';

import type { InvitationLinkData } from '@/app/manager/users/_components/invitation-link';
import { inviteStaff, renewInvitation, setUserActive } from '@/lib/dal/clinic-users';
import { formAction } from '@/lib/forms/action';
import { fieldRefused, refused } from '@/lib/forms/result';
import { inviteStaffSchema, userIdSchema } from '@/lib/validation/users';

/** The same words whether the address is used in this clinic or another (lib/dal/internal/email-in-use.ts). */
const EMAIL_IN_USE = 'This email address can’t be used for a new account. If the person already uses Uplift, we have let them know; ask them for another address.';
const PAGE = '/manager/users';

const linkData = (link: { path: string; expiresAt: Date; name: string }): InvitationLinkData => ({ path: link.path, expiresAt: link.expiresAt.toISOString(), name: link.name });

export const inviteStaffAction = formAction({
  access: 'manager',
  schema: inviteStaffSchema,
  run: async (person) => {
    const outcome = await inviteStaff(person);
    if (!outcome.ok) return fieldRefused('email', EMAIL_IN_USE);
    return { ok: true, data: linkData(outcome.link) };
  },
  revalidate: PAGE,
});

export const renewInvitationAction = formAction({
  access: 'manager',
  schema: userIdSchema,
  invalid: 'Something was missing from the form. Please reload the page.',
  run: async ({ userId }) => {
    const link = await renewInvitation(userId);
    if (!link) return refused('This person has already set a password or is no longer in your clinic.');
    return { ok: true, data: linkData(link) };
  },
});

/** Plain forms: the outcome comes back in the address, and the page says what happened. */
const setActive = (active: boolean) =>
  ({
    access: 'manager',
    schema: userIdSchema,
    run: async ({ userId }: { userId: string }) => ({ ok: true, data: await setUserActive(userId, active) }) as const,
    revalidate: PAGE,
    redirect: (_input: unknown, outcome: Awaited<ReturnType<typeof setUserActive>> | undefined) =>
      `${PAGE}?result=${outcome === 'done' ? (active ? 'reactivated' : 'deactivated') : outcome}`,
    failed: (result: { fieldErrors?: unknown }) => (result.fieldErrors ? `${PAGE}?result=not-found` : PAGE),
  }) as const;

export const deactivateUserAction = formAction(setActive(false));

export const reactivateUserAction = formAction(setActive(true));
