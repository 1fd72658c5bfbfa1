import type { z } from 'zod';
import type { RedFlagGroup } from '@/lib/clinical/red-flags';

/** What a sent message answers with: the red-flag groups its text mentions, whose questions the patient is offered. */
export type MessageSent = { redFlagGroups: RedFlagGroup[] };

/**
 * The form-level message of a refused message form: a problem with the text is shown beside the field,
 * anything else (an expired submission id, an extra field) above the form.
 */
export function messageFormProblem(error: z.ZodError): string | undefined {
  return error.issues.find((issue) => issue.path[0] !== 'body')?.message;
}
