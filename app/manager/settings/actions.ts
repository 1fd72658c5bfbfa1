'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { setIdentityPolicy } from '@/lib/dal/clinic-users';
import { formFields, identityPolicySchema } from '@/lib/validation/users';

export async function saveIdentityPolicyAction(form: FormData): Promise<void> {
  const parsed = identityPolicySchema.safeParse(formFields(form));
  if (!parsed.success) redirect('/manager/settings?result=invalid');
  await setIdentityPolicy(parsed.data.managersSeePatientIdentity === 'on');
  revalidatePath('/manager', 'layout');
  redirect('/manager/settings?result=saved');
}
