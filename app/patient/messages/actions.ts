'use server';

import { z } from 'zod';
import { mentionedGroups } from '@/lib/clinical/red-flag-mentions';
import { sendPatientMessage } from '@/lib/dal/messages';
import { fieldRefused } from '@/lib/forms';
import { formAction } from '@/lib/forms/action';
import { messageFormProblem, type MessageSent } from '@/lib/validation/message-form';
import { messageSchema } from '@/lib/validation/messages';

/**
 * Patient: sends a message to the care team of the episode the page showed (bound, and checked again in
 * the DAL: an episode that is not theirs is refused). Every refusal of the message is beside the field.
 */
export const sendPatientMessageAction = formAction({
  access: 'patient',
  id: z.string(),
  schema: messageSchema,
  invalid: messageFormProblem,
  run: async (input, { id }) => {
    const result = await sendPatientMessage(id, input);
    if ('message' in result) return fieldRefused('body', result.message);
    return { ok: true, data: { redFlagGroups: mentionedGroups(result.redFlagKeys) } as MessageSent };
  },
  revalidate: '/patient',
});
