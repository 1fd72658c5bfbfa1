'use server';

import { setMyTimeZone } from '@/lib/dal/time-zones';
import { formAction } from '@/lib/forms/action';
import { ownTimeZoneSchema } from '@/lib/validation/clinic-settings';

/** Any signed-in user: follow the clinic's time zone or choose their own. A bad zone changes nothing. */
export const saveMyTimeZoneAction = formAction({
  access: 'signed-in',
  schema: ownTimeZoneSchema,
  run: ({ timeZone }) => setMyTimeZone(timeZone),
  revalidate: 'refresh',
});
