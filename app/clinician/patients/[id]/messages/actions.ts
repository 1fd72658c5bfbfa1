'use server';

import { z } from 'zod';
import { sendClinicianMessage } from '@/lib/dal/messages';
import { fieldRefused } from '@/lib/forms';
import { formAction } from '@/lib/forms/action';
import { messageFormProblem, type MessageSent } from '@/lib/validation/message-form';
import { messageSchema } from '@/lib/validation/messages';

/**
 * Clinician: replies in the thread of an episode in their care (own, or covered while its clinician is
 * away); the DAL refuses anyone else's patient. Every refusal of the message is beside the field.
 */
export const sendClinicianMessageAction = formAction({
  access: 'clinician',
  id: z.string(),
  schema: messageSchema,
  invalid: messageFormProblem,
  run: async (input, { id }) => {
    const result = await sendClinicianMessage(id, input);
    if ('message' in result) return fieldRefused('body', result.message);
    return { ok: true, data: { redFlagGroups: [] } as MessageSent };
  },
  revalidate: '/clinician',
});
