'use server';

import { refresh } from 'next/cache';
import { updateMessageSettings } from '@/lib/dal/messages';
import { refusal, type ActionResult } from '@/lib/errors';
import { fieldErrorsOf, formFields, typedValues } from '@/lib/validation/form-data';
import { messageSettingsSchema } from '@/lib/validation/messages';

export type MessageSettingsFormState = ActionResult & { values?: Record<string, string> };

/** Manager: the clinic's message reply time and whether threads close at discharge. */
export async function updateMessageSettingsAction(_previous: MessageSettingsFormState, form: FormData): Promise<MessageSettingsFormState> {
  const fields = formFields(form);
  const parsed = messageSettingsSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: typedValues(fields) };
  try {
    await updateMessageSettings(parsed.data);
  } catch (error) {
    return refusal(error);
  }
  refresh();
  return { ok: true, data: undefined };
}
