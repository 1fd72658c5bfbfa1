/**
 * Limits of secure messages, shared by the database constraints (db/schema.ts), the zod schemas and the
 * forms. A message is a short note to the care team, not a clinical letter: 2,000 characters is about a
 * page of text, enough to describe a problem, and short enough to be read in the inbox between patients.
 */
export const MESSAGE_BODY_MAX = 2000;

/** Clinic setting: the working days within which the care team answers a patient's message. */
export const MESSAGE_REPLY_DAYS_DEFAULT = 2;
export const MESSAGE_REPLY_DAYS_LIMITS = { min: 1, max: 10 } as const;

/** "within 2 working days": how the patient is told when to expect an answer. */
export function describeReplyTime(workingDays: number): string {
  return workingDays === 1 ? 'within 1 working day' : `within ${workingDays} working days`;
}
