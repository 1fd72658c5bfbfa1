import { z } from 'zod';
import { EXERCISE_CATEGORIES } from '@/lib/content/exercises';
import { cleanText } from './common';

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
    instructionsNote: cleanText('The note for the patient', 500).nullable(),
  })
  .strict()
  .refine((item) => item.reps !== null || item.holdSeconds !== null || item.durationMinutes !== null, {
    message: 'Give reps, a hold time or minutes.',
  });

export type PlanItemInput = z.infer<typeof planItemSchema>;

export const MAX_PLAN_ITEMS = 20;

export const planSaveSchema = z
  .object({
    baseVersion: z.coerce.number().int().min(0),
    note: cleanText('The note', 500),
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
    name: cleanText('The name', 120, { required: true }),
    category: z.enum(EXERCISE_CATEGORIES, { error: 'Choose a category.' }),
    summary: cleanText('The summary', 300),
    instructions: cleanText('The instructions', 3000, { required: true }),
    safetyNote: cleanText('The safety note', 1000, { required: true }),
    sets: z.preprocess((v) => (v === '' ? null : v), z.coerce.number().int().min(1).max(10).nullable()),
    reps: z.preprocess((v) => (v === '' ? null : v), z.coerce.number().int().min(1).max(100).nullable()),
    holdSeconds: z.preprocess((v) => (v === '' ? null : v), z.coerce.number().int().min(1).max(600).nullable()),
    durationMinutes: z.preprocess((v) => (v === '' ? null : v), z.coerce.number().int().min(1).max(180).nullable()),
    timesPerDay: z.coerce.number({ error: 'Times a day must be a number.' }).int().min(1, 'At least once a day.').max(10),
    daysPerWeek: z.coerce.number({ error: 'Days a week must be a number.' }).int().min(1, 'Days a week: 1 to 7.').max(7, 'Days a week: 1 to 7.'),
    perSide: z.literal('on').optional(),
  })
  .strict()
  .refine((value) => value.reps !== null || value.holdSeconds !== null || value.durationMinutes !== null, {
    message: 'Give reps, a hold time or minutes.',
    path: ['reps'],
  });
