import { z } from 'zod';
import { text, optionalWholeNumber, submissionIdField, wholeNumber, yesNo } from './fields';
import { PAIN_LOCATIONS, PAIN_LOG_RED_FLAG_QUESTIONS, PAIN_NOTE_MAX } from './pain-options';

export * from './pain-options';

const SCORE_MESSAGE = 'Choose a whole number from 0 (no pain) to 10 (worst pain imaginable).';

const painFields = {
  score: wholeNumber(0, 10, SCORE_MESSAGE),
  worst24h: optionalWholeNumber(0, 10, SCORE_MESSAGE),
  locations: z
    .array(z.enum(PAIN_LOCATIONS, { error: 'Choose places from the list.' }))
    .max(PAIN_LOCATIONS.length)
    .refine((values) => new Set(values).size === values.length, 'Choose each place once.'),
  belowKnee: yesNo('Choose yes or no.'),
  note: text('Your note', PAIN_NOTE_MAX)
    .optional()
    .transform((value) => (value ? value : null)),
};

const redFlagAnswers = z
  .object(
    Object.fromEntries(
      PAIN_LOG_RED_FLAG_QUESTIONS.map((question) => [question.key, yesNo('Please answer yes or no.')]),
    ) as Record<string, ReturnType<typeof yesNo>>,
    { error: 'Please answer the safety questions.' },
  )
  .strict();

export const painEntrySchema = z
  .object({ submissionId: submissionIdField, ...painFields, redFlags: redFlagAnswers })
  .strict();
export type PainEntryInput = z.output<typeof painEntrySchema>;

export const painEntryUpdateSchema = z
  .object({
    id: z.uuid({ error: 'This entry could not be found.' }),
    version: z.string().regex(/^\d{1,16}$/, 'This form has expired. Please reload the page.').transform(Number),
    ...painFields,
    // Asked again on every change: an edit may newly report leg symptoms.
    redFlags: redFlagAnswers,
  })
  .strict();
export type PainEntryUpdate = z.output<typeof painEntryUpdateSchema>;

export const painEntryIdSchema = z.object({ id: z.uuid({ error: 'This entry could not be found.' }) }).strict();
