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

/** Clinician: removes one of their own periods (`remove`); one that is not theirs, or gone, is `notFound`. */
const removing = (remove: (id: string) => Promise<'removed' | 'not-found'>, notFound: string) =>
  ({
    access: 'clinician',
    schema: idSchema,
    invalid: notFound,
    run: async ({ id }: { id: string }) => {
      if ((await remove(id)) === 'not-found') return refused(notFound);
    },
    revalidate: PATH,
  }) as const;

export const removeWeeklyWindowAction = formAction(removing(removeWeeklyWindow, 'These hours could not be found.'));

export const removeExceptionAction = formAction(removing(removeAvailabilityException, 'This change could not be found.'));
