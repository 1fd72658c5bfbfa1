import { z } from 'zod';
import { EXERCISE_CATEGORIES } from '@/lib/content/exercises';
import { checkbox, optionalWholeNumber, submissionIdField, text, versionField, wholeNumber } from './fields';

const optionalCount = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be between ${min} and ${max}.`)
    .max(max, `${label} must be between ${min} and ${max}.`)
    .nullable();

export const planItemSchema = z
  .object({
    exerciseId: z.uuid('Unknown exercise.'),
    sets: optionalCount('Sets', 1, 10),
    reps: optionalCount('Reps', 1, 100),
    holdSeconds: optionalCount('Hold', 1, 600),
    durationMinutes: optionalCount('Minutes', 1, 180),
    timesPerDay: optionalCount('Times a day', 1, 10).unwrap(),
    daysPerWeek: optionalCount('Days a week', 1, 7).unwrap(),
    perSide: z.boolean(),
    instructionsNote: text('The note for the patient', 500).nullable(),
  })
  .strict()
  .refine((item) => item.reps !== null || item.holdSeconds !== null || item.durationMinutes !== null, {
    message: 'Give reps, a hold time or minutes.',
  });

export type PlanItemInput = z.infer<typeof planItemSchema>;

export const MAX_PLAN_ITEMS = 20;

export const planSaveSchema = z
  .object({
    submissionId: submissionIdField,
    baseVersion: versionField,
    note: text('The note', 500),
    items: z
      .string()
      .max(50_000, 'The plan is too long.')
      .transform((text, context) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          context.addIssue({ code: 'custom', message: 'The plan could not be read. Reload and try again.' });
          return z.NEVER;
        }
      })
      .pipe(
        z
          .array(planItemSchema)
          .min(1, 'Add at least one exercise.')
          .max(MAX_PLAN_ITEMS, `A plan holds at most ${MAX_PLAN_ITEMS} exercises.`),
      ),
  })
  .strict();

export const exerciseCreateSchema = z
  .object({
    submissionId: submissionIdField,
    name: text('The name', 120, { required: true }),
    category: z.enum(EXERCISE_CATEGORIES, { error: 'Choose a category.' }),
    summary: text('The summary', 300),
    instructions: text('The instructions', 3000, { required: true }),
    safetyNote: text('The safety note', 1000, { required: true }),
    sets: optionalWholeNumber(1, 10, 'Sets: a whole number from 1 to 10, or leave it empty.'),
    reps: optionalWholeNumber(1, 100, 'Reps: a whole number from 1 to 100, or leave it empty.'),
    holdSeconds: optionalWholeNumber(1, 600, 'Hold: a whole number of seconds from 1 to 600, or leave it empty.'),
    durationMinutes: optionalWholeNumber(1, 180, 'Minutes: a whole number from 1 to 180, or leave it empty.'),
    timesPerDay: wholeNumber(1, 10, 'Times a day: a whole number from 1 to 10.'),
    daysPerWeek: wholeNumber(1, 7, 'Days a week: a whole number from 1 to 7.'),
    perSide: checkbox,
  })
  .strict()
  .refine((value) => value.reps !== null || value.holdSeconds !== null || value.durationMinutes !== null, {
    message: 'Give reps, a hold time or minutes.',
    path: ['reps'],
  });
