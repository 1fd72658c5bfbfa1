import { z } from 'zod';
import { MESSAGE_BODY_MAX, MESSAGE_REPLY_DAYS_LIMITS } from '@/lib/messages/limits';
import { submissionIdField, text, wholeNumber } from './fields';

/** The text of a message: required, at most MESSAGE_BODY_MAX characters after trimming. */
export const messageBody = text('Your message', MESSAGE_BODY_MAX, { required: true });

/** A message written in a form; the conversation it belongs to comes from the page, bound to the action. */
export const messageSchema = z.object({ submissionId: submissionIdField, body: messageBody }).strict();
export type MessageInput = z.infer<typeof messageSchema>;

/** Manager → Settings: the clinic's messaging rules. */
export const messageSettingsSchema = z
  .object({
    messageReplyWorkingDays: wholeNumber(
      MESSAGE_REPLY_DAYS_LIMITS.min,
      MESSAGE_REPLY_DAYS_LIMITS.max,
      `Enter a whole number of working days, from ${MESSAGE_REPLY_DAYS_LIMITS.min} to ${MESSAGE_REPLY_DAYS_LIMITS.max}.`,
    ),
    readOnlyAfterDischarge: z.enum(['on', 'off'], { error: 'Choose whether messages stay open after discharge.' }).transform((value) => value === 'on'),
  })
  .strict();
export type MessageSettingsInput = z.infer<typeof messageSettingsSchema>;
