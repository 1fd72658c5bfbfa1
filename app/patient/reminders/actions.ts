'use server';

import { saveMyReminderPreferences } from '@/lib/dal/reminder-preferences';
import { formAction } from '@/lib/forms/action';
import { reminderPreferencesSchema } from '@/lib/validation/reminders';

/** Patient: saves their reminder preferences. Anything refused is shown beside its field and nothing is saved. */
export const saveReminderPreferencesAction = formAction({
  access: 'patient',
  schema: reminderPreferencesSchema,
  read: { arrays: ['exerciseTimes'], groups: ['channel'] },
  invalid: 'Nothing was saved. Please check the highlighted answers.',
  run: (preferences) => saveMyReminderPreferences(preferences),
  revalidate: 'refresh',
});
