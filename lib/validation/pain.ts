import { z } from 'zod';
import { text, optionalWholeNumber, submissionIdField, wholeNumber, yesNo } from './fields';
import { NEW_SYMPTOM_RED_FLAG_QUESTIONS, PAIN_LOCATIONS, PAIN_LOG_RED_FLAG_QUESTIONS, PAIN_NOTE_MAX } from './pain-options';

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
    {
      ...Object.fromEntries(PAIN_LOG_RED_FLAG_QUESTIONS.map((question) => [question.key, yesNo('Please answer yes or no.')])),
      // Shown once the patient says a symptom is new or different; required then (see requireNewSymptomAnswers).
      ...Object.fromEntries(NEW_SYMPTOM_RED_FLAG_QUESTIONS.map((question) => [question.key, yesNo('Please answer yes or no.').optional()])),
    } as Record<string, z.ZodType<boolean | undefined, string | undefined>>,
    { error: 'Please answer the safety questions.' },
  )
  .strict()
  // Answers left out are not stored as "no": only what the patient answered reaches the screen row.
  .transform((answers) => Object.fromEntries(Object.entries(answers).filter(([, value]) => typeof value === 'boolean')) as Record<string, boolean>);

const newSymptom = yesNo('Please answer yes or no.');

/**
 * A new or different symptom asks the cancer, infection and fracture questions on the spot (docs/CLINICAL.md,
 * Red flags). A yes to one of them given before the patient changed "new symptom" back to no is still kept:
 * a reported warning sign is never dropped.
 */
function requireNewSymptomAnswers(value: { newSymptom: boolean; redFlags: Record<string, boolean> }, context: z.RefinementCtx) {
  if (!value.newSymptom) return;
  for (const question of NEW_SYMPTOM_RED_FLAG_QUESTIONS) {
    if (typeof value.redFlags[question.key] !== 'boolean') {
      context.addIssue({ code: 'custom', path: ['redFlags', question.key], message: 'You said something is new: please answer yes or no.' });
    }
  }
}

export const painEntrySchema = z
  .object({ submissionId: submissionIdField, ...painFields, newSymptom, redFlags: redFlagAnswers })
  .strict()
  .superRefine(requireNewSymptomAnswers);
export type PainEntryInput = z.output<typeof painEntrySchema>;

export const painEntryUpdateSchema = z
  .object({
    id: z.uuid({ error: 'This entry could not be found.' }),
    version: z.string().regex(/^\d{1,16}$/, 'This form has expired. Please reload the page.').transform(Number),
    ...painFields,
    // Asked again on every change: an edit may newly report leg symptoms.
    newSymptom,
    redFlags: redFlagAnswers,
  })
  .strict()
  .superRefine(requireNewSymptomAnswers);
export type PainEntryUpdate = z.output<typeof painEntryUpdateSchema>;

export const painEntryIdSchema = z.object({ id: z.uuid({ error: 'This entry could not be found.' }) }).strict();
