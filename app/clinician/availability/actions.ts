'use server';

import { z } from 'zod';
import { addAvailabilityException, addWeeklyWindow, removeAvailabilityException, removeWeeklyWindow } from '@/lib/dal/availability';
import { formAction } from '@/lib/forms/action';
import { refused } from '@/lib/forms/result';
import { availabilityExceptionSchema, weeklyWindowSchema } from '@/lib/validation/appointments';

const PATH = '/clinician/availability';
const idSchema = z.object({ id: z.uuid('Unknown period.') }).strict();
const availability = { access: 'clinician', revalidate: PATH } as const;

export const addWeeklyWindowAction = formAction({
  ...availability,
  schema: weeklyWindowSchema,
  invalid: 'Check the answers marked below.',
  run: async (window) => {
    if ((await addWeeklyWindow(window)) === 'overlap') return refused('The hours were not added.', { startTime: ['These hours overlap hours you already have on that day.'] });
  },
});

export const addExceptionAction = formAction({
  ...availability,
  schema: availabilityExceptionSchema,
  invalid: 'Check the answers marked below.',
  run: async (exception) => void (await addAvailabilityException(exception)),
});

export const removeWeeklyWindowAction = formAction({
  ...availability,
  schema: idSchema,
  invalid: 'These hours could not be found.',
  run: async ({ id }) => ((await removeWeeklyWindow(id)) === 'not-found' ? refused('These hours could not be found.') : undefined),
});

export const removeExceptionAction = formAction({
  ...availability,
  schema: idSchema,
  invalid: 'This change could not be found.',
  run: async ({ id }) => ((await removeAvailabilityException(id)) === 'not-found' ? refused('This change could not be found.') : undefined),
});
