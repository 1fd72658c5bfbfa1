'use server';

import { updateBookingRules } from '@/lib/dal/booking-rules';
import { formAction } from '@/lib/forms/action';
import { bookingRulesSchema } from '@/lib/validation/appointments';

/** Manager: how far ahead patients book, the follow-up slot length and the online cancellation window. */
export const updateBookingRulesAction = formAction({
  access: 'manager',
  schema: bookingRulesSchema,
  invalid: 'Check the answers marked below.',
  run: (rules) => updateBookingRules(rules),
  revalidate: 'refresh',
});
