import { z } from 'zod';
import { PERIODIC_RED_FLAG_QUESTIONS } from '@/lib/clinical/red-flags';
import { submissionIdField, yesNo } from './fields';

/** The cancer, infection and fracture questions asked on their own (first sign-in, then weekly). Every one is required. */
export const safetyCheckSchema = z
  .object({
    submissionId: submissionIdField,
    redFlags: z
      .object(
        Object.fromEntries(PERIODIC_RED_FLAG_QUESTIONS.map((question) => [question.key, yesNo('Please answer yes or no.')])) as Record<
          string,
          ReturnType<typeof yesNo>
        >,
        { error: 'Please answer the safety questions.' },
      )
      .strict(),
  })
  .strict();
export type SafetyCheckInput = z.output<typeof safetyCheckSchema>;
