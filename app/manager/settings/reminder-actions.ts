'use server';

import { setNudgeDays } from '@/lib/dal/reminder-preferences';
import { formAction } from '@/lib/forms/action';
import { nudgeDaysSchema } from '@/lib/validation/reminders';

/** Manager: days with nothing logged before a patient's gentle nudge. A bad number changes nothing. */
export const updateNudgeDaysAction = formAction({
  access: 'manager',
  schema: nudgeDaysSchema,
  run: ({ nudgeDays }) => setNudgeDays(nudgeDays),
  revalidate: 'refresh',
});
