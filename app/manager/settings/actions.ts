'use server';

import { z } from 'zod';
import { updateClinicSecurity } from '@/lib/dal/account';
import { setIdentityPolicy } from '@/lib/dal/clinic-users';
import { formAction } from '@/lib/forms/action';
import { checkbox } from '@/lib/forms';
import { identityPolicySchema } from '@/lib/validation/users';

const PAGE = '/manager/settings';

/** A plain form: the outcome comes back in the address. */
export const saveIdentityPolicyAction = formAction({
  access: 'manager',
  schema: identityPolicySchema,
  run: ({ managersSeePatientIdentity }) => setIdentityPolicy(managersSeePatientIdentity === 'on'),
  revalidate: '/manager',
  redirect: () => `${PAGE}?result=saved`,
  failed: (result) => (result.fieldErrors ? `${PAGE}?result=invalid` : PAGE),
});

const ticked = checkbox.transform((value) => value === 'on');
const securitySchema = z.object({ mfaRequiredForManagers: ticked, mfaRequiredForClinicians: ticked }).strict();

export const updateClinicSecurityAction = formAction({
  access: 'manager',
  schema: securitySchema,
  invalid: 'Something was wrong with the form. Please try again.',
  run: (settings) => updateClinicSecurity(settings),
  revalidate: 'refresh',
});
