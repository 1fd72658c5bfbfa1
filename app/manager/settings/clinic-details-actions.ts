'use server';

import { updateClinicContact } from '@/lib/dal/clinic-contact';
import { setRetentionYears } from '@/lib/dal/retention';
import { formAction } from '@/lib/forms/action';
import { clinicContactSchema, retentionSchema } from '@/lib/validation/clinic-settings';

export const updateClinicContactAction = formAction({
  access: 'manager',
  schema: clinicContactSchema,
  run: (contact) => updateClinicContact(contact),
  revalidate: 'refresh',
});

export const updateRetentionAction = formAction({
  access: 'manager',
  schema: retentionSchema,
  run: ({ retentionYears }) => setRetentionYears(retentionYears),
  revalidate: 'refresh',
});
