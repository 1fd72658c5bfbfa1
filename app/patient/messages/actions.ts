'use server';

import { revalidatePath } from 'next/cache';
import { mentionedGroups } from '@/lib/clinical/red-flag-mentions';
import { sendPatientMessage } from '@/lib/dal/messages';
import { formDataToObject, typedValues } from '@/lib/validation/form-data';
import { messageFormRefusal, type MessageFormState } from '@/lib/validation/message-form';
import { messageSchema } from '@/lib/validation/messages';

/**
 * Patient: sends a message to the care team of the episode the page showed (bound, and checked again in
 * the DAL: an episode that is not theirs is refused). Every refusal is a message next to the field.
 */
export async function sendPatientMessageAction(episodeId: string, _previous: MessageFormState, form: FormData): Promise<MessageFormState> {
  const submitted = formDataToObject(form);
  const values = typedValues(submitted);
  const parsed = messageSchema.safeParse(submitted);
  if (!parsed.success) return messageFormRefusal(parsed.error, values);
  const result = await sendPatientMessage(episodeId, parsed.data);
  if ('message' in result) return { ok: false, fieldErrors: { body: [result.message] }, values };
  revalidatePath('/patient', 'layout');
  return { ok: true, sent: true, redFlagGroups: mentionedGroups(result.redFlagKeys) };
}
