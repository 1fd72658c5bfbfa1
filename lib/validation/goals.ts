import { z } from 'zod';
import { MEASURE_CODES } from '@/lib/clinical/rom';
import { calendarDate, optional, optionalDecimal, submissionIdField, text } from './fields';

export const GOAL_MEASURES = ['nprs', 'odi', ...MEASURE_CODES] as const;
export const GOAL_STATUSES = ['active', 'achieved', 'not-achieved', 'cancelled'] as const;

export const goalCreateSchema = z
  .object({
    submissionId: submissionIdField,
    description: text('The goal', 500, { required: true }),
    measureCode: optional(z.enum(GOAL_MEASURES, { error: 'Choose a measure.' })),
    targetValue: optionalDecimal('Enter the target as a number, like 40 or 12.5.').transform((value) => value ?? undefined),
    targetDate: optional(calendarDate),
  })
  .strict()
  .superRefine((goal, context) => {
    if (goal.measureCode && goal.targetValue === undefined) {
      context.addIssue({ code: 'custom', path: ['targetValue'], message: 'Enter the target for the chosen measure.' });
    }
    if (!goal.measureCode && goal.targetValue !== undefined) {
      context.addIssue({ code: 'custom', path: ['measureCode'], message: 'Choose the measure the target applies to.' });
    }
    if (goal.targetValue !== undefined && (goal.targetValue < -30 || goal.targetValue > 120)) {
      context.addIssue({ code: 'custom', path: ['targetValue'], message: 'The target must be between −30 and 120.' });
    }
  });

export const goalStatusSchema = z
  .object({ goalId: z.uuid('Unknown goal.'), status: z.enum(GOAL_STATUSES, { error: 'Choose a status.' }) })
  .strict();
