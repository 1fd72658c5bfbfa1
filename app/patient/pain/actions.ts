'use server';

import { evaluateRedFlags } from '@/lib/clinical/red-flags';
import { createPainEntry, deletePainEntry, updatePainEntry, type ChangePainEntryResult } from '@/lib/dal/pain';
import { formAction } from '@/lib/forms/action';
import { refused } from '@/lib/forms/result';
import { painEntryIdSchema, painEntrySchema, painEntryUpdateSchema } from '@/lib/validation/pain';

const CHANGE_MESSAGES: Record<Exclude<ChangePainEntryResult, 'updated' | 'deleted'>, string> = {
  'not-found': 'This entry could not be found.',
  conflict: 'This entry changed since you opened it. Please check it below and make your change again.',
  'too-late': 'Entries can only be changed or deleted within 24 hours of logging them.',
};

const changed = (result: ChangePainEntryResult) => (result === 'updated' || result === 'deleted' ? undefined : refused(CHANGE_MESSAGES[result]));

const painForm = { access: 'patient', read: { arrays: ['locations'], groups: ['redFlags'] }, invalid: 'Please check the answers marked below.' } as const;

/**
 * Logs pain now, with the red-flag answers, and answers with the result page's address (the form goes
 * there; that page shows any emergency advice). No redirect or revalidation here: either would make the
 * action's response carry a whole page render, several times the cost of the write itself.
 */
export const logPainAction = formAction({
  ...painForm,
  schema: painEntrySchema,
  run: async (entry) => {
    const result = await createPainEntry(entry);
    if (result.status === 'no-active-episode') return refused('Your care with the clinic has ended, so new entries can’t be added. Please contact the clinic.');
    if (result.status === 'stale-form') return refused('This form has expired. Please reload the page and try again.');
    return { ok: true, data: { next: `/patient/pain/saved/${result.entryId}` } };
  },
});

/** Changes an own entry within 24 hours; a stale tab gets a conflict message instead of overwriting. */
export const updatePainAction = formAction({
  ...painForm,
  schema: painEntryUpdateSchema,
  run: async (entry) => changed(await updatePainEntry(entry)),
  revalidate: '/patient',
  // A yes to a safety question shows the advice at once, as after a new entry.
  redirect: (entry) => (evaluateRedFlags(entry.redFlags).urgency ? `/patient/pain/saved/${entry.id}` : '/patient/pain?changed=updated'),
});

/** Deletes an own entry within 24 hours. */
export const deletePainAction = formAction({
  access: 'patient',
  schema: painEntryIdSchema,
  invalid: 'This entry could not be found.',
  run: async ({ id }) => changed(await deletePainEntry(id)),
  revalidate: '/patient',
  redirect: () => '/patient/pain?changed=deleted',
});
