'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { markAllMyNotificationsRead, markMyNotificationRead } from '@/lib/dal/notifications';
import { isAppError } from '@/lib/errors';

const AREA_SCHEMA = z.enum(['patient', 'clinician', 'manager']);
const markOneSchema = z.object({ id: z.uuid(), area: AREA_SCHEMA });
const markAllSchema = z.object({ area: AREA_SCHEMA });

/** The area's notifications page, with a problem in the address the page shows as a message. */
function back(area: z.infer<typeof AREA_SCHEMA> | null, problem?: 'not-found' | 'refused'): never {
  const page = `/${area ?? 'patient'}/notifications`;
  redirect(problem ? `${page}?problem=${problem}` : page);
}

/**
 * Marks one of the signed-in person's notifications read. An id that is not theirs (or not an id)
 * changes nothing and the page says the notification was not found. A plain form action: the page
 * and the count in the navigation refresh in place.
 */
export async function markNotificationReadAction(form: FormData): Promise<void> {
  if (!(form instanceof FormData)) return;
  const area = AREA_SCHEMA.safeParse(form.get('area')).data ?? null;
  const parsed = markOneSchema.safeParse({ id: form.get('id'), area: form.get('area') });
  if (!parsed.success) back(area, 'not-found');
  let outcome: 'done' | 'not-found' | 'refused';
  try {
    outcome = await markMyNotificationRead(parsed.data.id);
  } catch (error) {
    if (!isAppError(error)) throw error;
    outcome = 'refused';
  }
  revalidatePath(`/${parsed.data.area}`, 'layout');
  if (outcome !== 'done') back(parsed.data.area, outcome);
  if (form.get('clear') === '1') back(parsed.data.area);
}

/** Marks all the signed-in person's notifications read. */
export async function markAllNotificationsReadAction(form: FormData): Promise<void> {
  if (!(form instanceof FormData)) return;
  const parsed = markAllSchema.safeParse({ area: form.get('area') });
  if (!parsed.success) back(null, 'not-found');
  try {
    await markAllMyNotificationsRead();
  } catch (error) {
    if (!isAppError(error)) throw error;
    back(parsed.data.area, 'refused');
  }
  revalidatePath(`/${parsed.data.area}`, 'layout');
  if (form.get('clear') === '1') back(parsed.data.area);
}
