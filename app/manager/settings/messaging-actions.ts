'use server';

import { updateMessageSettings } from '@/lib/dal/messages';
import { formAction } from '@/lib/forms/action';
import { messageSettingsSchema } from '@/lib/validation/messages';

/** Manager: the clinic's message reply time and whether threads close at discharge. */
export const updateMessageSettingsAction = formAction({
  access: 'manager',
  schema: messageSettingsSchema,
  run: (settings) => updateMessageSettings(settings),
  revalidate: 'refresh',
});
