'use server';

import { revalidatePath } from 'next/cache';
import { sendClinicianMessage } from '@/lib/dal/messages';
import { formDataToObject, typedValues } from '@/lib/validation/form-data';
import { messageFormRefusal, type MessageFormState } from '@/lib/validation/message-form';
import { messageSchema } from '@/lib/validation/messages';

/**
 * Clinician: replies in the thread of an episode in their care (own, or covered while its clinician is
 * away); the DAL refuses anyone else's patient. Every refusal is a message next to the field.
 */
export async function sendClinicianMessageAction(episodeId: string, _previous: MessageFormState, form: FormData): Promise<MessageFormState> {
  const submitted = formDataToObject(form);
  const values = typedValues(submitted);
  const parsed = messageSchema.safeParse(submitted);
  if (!parsed.success) return messageFormRefusal(parsed.error, values);
  const result = await sendClinicianMessage(episodeId, parsed.data);
  if ('message' in result) return { ok: false, fieldErrors: { body: [result.message] }, values };
  revalidatePath('/clinician', 'layout');
  return { ok: true, sent: true };
}
