import { z } from 'zod';
import { submissionIdField, text } from './fields';

export const NOTE_FIELD_MAX = 4000;

export const noteSchema = z
  .object({
    submissionId: submissionIdField,
    subjective: text('Subjective', NOTE_FIELD_MAX),
    objective: text('Objective', NOTE_FIELD_MAX),
    assessment: text('Assessment', NOTE_FIELD_MAX),
    plan: text('Plan', NOTE_FIELD_MAX),
    amendsId: z.uuid('Unknown note.').optional().or(z.literal('').transform(() => undefined)),
  })
  .strict()
  .refine((note) => note.subjective || note.objective || note.assessment || note.plan, {
    message: 'Write at least one part of the note.',
    path: ['subjective'],
  });
