import { z } from 'zod';
import { LOG_STATUSES, SKIP_REASONS } from './exercise-log-options';
import { optionalWholeNumber, submissionIdField } from './fields';

export * from './exercise-log-options';

const ZERO_TO_TEN = 'Choose a whole number from 0 to 10.';

export const exerciseLogSchema = z
  .object({
    submissionId: submissionIdField,
    planItemId: z.uuid({ error: 'This exercise could not be found.' }),
    status: z.enum(LOG_STATUSES, { error: 'Choose whether you did it all, part of it, or skipped it.' }),
    setsDone: optionalWholeNumber(0, 10, 'Choose how many sets you did, from 0 to 10.'),
    difficulty: optionalWholeNumber(0, 10, ZERO_TO_TEN),
    painDuring: optionalWholeNumber(0, 10, ZERO_TO_TEN),
    skipReason: z
      .union([z.literal(''), z.enum(SKIP_REASONS, { error: 'Choose a reason from the list.' })])
      .optional()
      .transform((value) => (value ? value : null)),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.status !== 'done' && value.skipReason === null) {
      context.addIssue({ code: 'custom', path: ['skipReason'], message: 'Choose a reason.' });
    }
    if (value.status === 'skipped') {
      for (const field of ['setsDone', 'difficulty', 'painDuring'] as const) {
        if (value[field] !== null) {
          context.addIssue({ code: 'custom', path: [field], message: 'Leave this empty when you skipped the exercise.' });
        }
      }
    } else {
      if (value.difficulty === null) context.addIssue({ code: 'custom', path: ['difficulty'], message: 'Choose how hard it felt, from 0 to 10.' });
      if (value.painDuring === null) context.addIssue({ code: 'custom', path: ['painDuring'], message: 'Choose your pain during the exercise, from 0 to 10.' });
    }
  })
  .transform((value) => ({ ...value, skipReason: value.status === 'done' ? null : value.skipReason }));
export type ExerciseLogInput = z.output<typeof exerciseLogSchema>;

export const exerciseLogUndoSchema = z.object({ logId: z.uuid({ error: 'This entry could not be found.' }) }).strict();
