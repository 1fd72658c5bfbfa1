'use server';

import { z } from 'zod';
import { addAvailabilityException, addWeeklyWindow, removeAvailabilityException, removeWeeklyWindow } from '@/lib/dal/availability';
import { fieldRefused, refused } from '@/lib/forms';
import { formAction } from '@/lib/forms/action';
import { availabilityExceptionSchema, weeklyWindowSchema } from '@/lib/validation/appointments';

const PATH = '/clinician/availability';
const idSchema = z.object({ id: z.uuid('Unknown period.') }).strict();

/** Clinician: adds weekly hours to their own availability (an overlap with hours they have is refused). */
export const addWeeklyWindowAction = formAction({
  access: 'clinician',
  schema: weeklyWindowSchema,
  invalid: 'Check the answers marked below.',
  run: async (input) => {
    if ((await addWeeklyWindow(input)) === 'overlap') return fieldRefused('startTime', 'These hours overlap hours you already have on that day.', 'The hours were not added.');
  },
  revalidate: PATH,
});

/** Clinician: adds time off or extra hours on one day of their own. */
export const addExceptionAction = formAction({
  access: 'clinician',
  schema: availabilityExceptionSchema,
  invalid: 'Check the answers marked below.',
  run: async (input) => {
    await addAvailabilityException(input);
  },
  revalidate: PATH,
});

/** Clinician: removes one of their own weekly periods. */
export const removeWeeklyWindowAction = formAction({
  access: 'clinician',
  schema: idSchema,
  invalid: 'These hours could not be found.',
  run: async ({ id }) => {
    if ((await removeWeeklyWindow(id)) === 'not-found') return refused('These hours could not be found.');
  },
  revalidate: PATH,
});

/** Clinician: removes one of their own changes to a day. */
export const removeExceptionAction = formAction({
  access: 'clinician',
  schema: idSchema,
  invalid: 'This change could not be found.',
  run: async ({ id }) => {
    if ((await removeAvailabilityException(id)) === 'not-found') return refused('This change could not be found.');
  },
  revalidate: PATH,
});
