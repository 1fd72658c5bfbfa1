'use server';

import { updateClinicLocation } from '@/lib/dal/time-zones';
import { formAction } from '@/lib/forms/action';
import { clinicLocationSchema } from '@/lib/validation/clinic-settings';

/** Manager: the clinic's time zone and country. A zone that is not an IANA name changes nothing. */
export const updateClinicLocationAction = formAction({
  access: 'manager',
  schema: clinicLocationSchema,
  run: (location) => updateClinicLocation(location),
  revalidate: 'refresh',
});
