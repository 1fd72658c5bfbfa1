'use server';

import { z } from 'zod';
import { markAllMyNotificationsRead, markMyNotificationRead } from '@/lib/dal/notifications';
import { formAction } from '@/lib/forms/action';
import type { FormValues } from '@/lib/forms/result';

const areaSchema = z.enum(['patient', 'clinician', 'manager']);
const clear = z.literal('1').optional();

/** The area's notifications page, with a problem in the address the page shows as a message. */
function page(fields: FormValues | { area: string }, problem?: 'not-found' | 'refused'): string {
  const path = `/${areaSchema.catch('patient').parse(fields.area)}/notifications`;
  return problem ? `${path}?problem=${problem}` : path;
}

/**
 * Marks one of the signed-in person's notifications read. An id that is not theirs (or not an id)
 * changes nothing and the page says the notification was not found. A plain form action: the page
 * and the count in the navigation refresh in place; an earlier problem in the address is cleared.
 */
export const markNotificationReadAction = formAction({
  access: 'signed-in',
  schema: z.object({ id: z.uuid(), area: areaSchema, clear }).strict(),
  run: async ({ id }) => ((await markMyNotificationRead(id)) === 'not-found' ? { ok: false, data: 'not-found' as const } : undefined),
  revalidate: ({ area }) => `/${area}`,
  redirect: (input) => (input.clear ? page(input) : undefined),
  failed: (result, fields) => page(fields, result.fieldErrors || result.data ? 'not-found' : 'refused'),
});

/** Marks all the signed-in person's notifications read. */
export const markAllNotificationsReadAction = formAction({
  access: 'signed-in',
  schema: z.object({ area: areaSchema, clear }).strict(),
  run: async () => void (await markAllMyNotificationsRead()),
  revalidate: ({ area }) => `/${area}`,
  redirect: (input) => (input.clear ? page(input) : undefined),
  failed: (result, fields) => page(fields, result.fieldErrors ? 'not-found' : 'refused'),
});
