'use server';

import { refresh, revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { updateClinicSecurity } from '@/lib/dal/account';
import { setIdentityPolicy } from '@/lib/dal/clinic-users';
import { isAppError, refusedTo, type ActionResult } from '@/lib/errors';
import { formFields } from '@/lib/validation/form-data';
import { identityPolicySchema } from '@/lib/validation/users';

export async function saveIdentityPolicyAction(form: FormData): Promise<void> {
  // A crafted request can put anything in any argument: refuse what is not a submitted form.
  if (!(form instanceof FormData)) return;
  const parsed = identityPolicySchema.safeParse(formFields(form));
  if (!parsed.success) redirect('/manager/settings?result=invalid');
  await setIdentityPolicy(parsed.data.managersSeePatientIdentity === 'on').catch(refusedTo('/manager/settings'));
  revalidatePath('/manager', 'layout');
  redirect('/manager/settings?result=saved');
}

// Checkboxes send "on" when ticked and nothing when not.
const checkbox = z.literal('on').optional().transform((value) => value === 'on');
const securitySchema = z.object({ mfaRequiredForManagers: checkbox, mfaRequiredForClinicians: checkbox }).strict();

export async function updateClinicSecurityAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const parsed = securitySchema.safeParse(formFields(form));
  if (!parsed.success) return { ok: false, formError: 'Something was wrong with the form. Please try again.' };
  try {
    await updateClinicSecurity(parsed.data);
  } catch (error) {
    if (isAppError(error)) return { ok: false, formError: error.message };
    throw error;
  }
  refresh();
  return { ok: true, data: undefined };
}
