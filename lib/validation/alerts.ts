import { z } from 'zod';
import { text } from './fields';

export const acknowledgeSchema = z
  .object({
    alertId: z.uuid('Unknown alert.'),
    // Optional: a crafted request may leave the field out.
    comment: text('The comment', 1000).optional().transform((value) => value ?? ''),
    // Where the form was (a record's id, or the inbox) and whether its address showed a problem.
    back: z.union([z.literal(''), z.uuid()]).optional(),
    clear: z.literal('1').optional(),
  })
  .strict();

/**
 * Why an acknowledgement did not go through. The acknowledge form is a plain form (it works before the
 * page's script has loaded, and costs the server far less to render than a form with state), so the
 * action answers a refusal by sending the clinician back to the page with `?ack=<problem>&alert=<id>`,
 * and the page shows the message on that alert's card.
 */
export const ACK_PROBLEMS = {
  'comment-too-long': 'The comment must be 1000 characters or fewer.',
  'comment-characters': 'The comment contains characters that cannot be stored.',
  'not-found': 'This alert could not be found.',
  closed: 'Someone already closed this alert.',
  refused: 'Please sign in again as a clinician to do this.',
} as const;

export type AckProblem = keyof typeof ACK_PROBLEMS;

/** The problem an address reports, if it names a known one; an alert id that is not one is ignored. */
const ackSearchSchema = z.object({
  ack: z.enum(Object.keys(ACK_PROBLEMS) as [AckProblem, ...AckProblem[]]),
  alert: z.uuid().optional().catch(undefined),
});

export type AckProblemNotice = { alertId: string | null; problem: AckProblem; message: string; onComment: boolean };

export function ackProblemFrom(search: Record<string, string | string[] | undefined>): AckProblemNotice | null {
  const parsed = ackSearchSchema.safeParse(search);
  if (!parsed.success) return null;
  const { ack, alert } = parsed.data;
  return { alertId: alert ?? null, problem: ack, message: ACK_PROBLEMS[ack], onComment: ack.startsWith('comment-') };
}
