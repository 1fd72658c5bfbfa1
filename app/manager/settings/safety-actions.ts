'use server';

import { updateSafetySettings } from '@/lib/dal/escalations';
import { formAction } from '@/lib/forms/action';
import { fieldRefused } from '@/lib/forms/result';
import { safetySettingsSchema } from '@/lib/validation/cover';

/** Manager → Settings → Patient safety: the safety lead and the escalation windows. */
export const updateSafetySettingsAction = formAction({
  access: 'manager',
  schema: safetySettingsSchema,
  run: async ({ safetyLeadId, emergencyMinutes, sameDayMinutes, reviewMinutes }) => {
    const outcome = await updateSafetySettings({ safetyLeadId, windows: { emergency: emergencyMinutes, 'same-day': sameDayMinutes, '24h': reviewMinutes } });
    if (outcome === 'invalid-lead') return fieldRefused('safetyLeadId', 'Choose an active clinician of your clinic.');
  },
  revalidate: 'refresh',
});
