import { z } from 'zod';
import { cleanText } from './common';

export const NOTE_FIELD_MAX = 4000;

export const noteSchema = z
  .object({
    subjective: cleanText('Subjective', NOTE_FIELD_MAX),
    objective: cleanText('Objective', NOTE_FIELD_MAX),
    assessment: cleanText('Assessment', NOTE_FIELD_MAX),
    plan: cleanText('Plan', NOTE_FIELD_MAX),
    amendsId: z.uuid('Unknown note.').optional().or(z.literal('').transform(() => undefined)),
  })
  .strict()
  .refine((note) => note.subjective || note.objective || note.assessment || note.plan, {
    message: 'Write at least one part of the note.',
    path: ['subjective'],
  });
