/** Diary and questionnaire rows, and the answers of a safety check with no red flag. */
import { randomUUID } from 'node:crypto';
import type { Instrument } from '../../lib/clinical/instruments';
import type { Db } from '../connection';
import * as t from '../schema';
import { patientDay } from './people';

export async function insertPainEntryRow(db: Db, episodeId: string, score: number, recordedAt = new Date()) {
  const [entry] = await db
    .insert(t.painEntries)
    .values({ episodeId, score, recordedAt, localDay: await patientDay(db, episodeId, recordedAt), submissionId: randomUUID() })
    .returning();
  return entry!;
}

/** A questionnaire response: completed when `completedAt` is given, else in progress. */
export async function insertQuestionnaireResponseRow(
  db: Db,
  episodeId: string,
  input: { instrument: Instrument; score: number | null; band?: string | null; completedAt: Date | null },
) {
  const [row] = await db
    .insert(t.questionnaireResponses)
    .values({
      episodeId,
      instrument: input.instrument,
      status: input.completedAt ? 'completed' : 'in-progress',
      answers: {},
      score: input.score,
      band: input.band ?? null,
      startedAt: input.completedAt ?? new Date(),
      completedAt: input.completedAt,
      submissionId: randomUUID(),
    })
    .returning();
  return row!;
}

/** A completed questionnaire response with its score (and band, for STarT Back). */
export async function insertCompletedQuestionnaireRow(
  db: Db,
  episodeId: string,
  instrument: Instrument,
  score: number,
  completedAt: Date,
  band: string | null = null,
) {
  await insertQuestionnaireResponseRow(db, episodeId, { instrument, score, band, completedAt });
}

/** The safety check's answers when the patient reports none of the red flags. */
export const NO_RED_FLAGS = {
  'saddle-numbness': false,
  'bladder-change': false,
  'bowel-control': false,
  'sexual-function': false,
  'both-legs': false,
  'leg-weakness-worsening': false,
  'foot-drop': false,
  falls: false,
  'spreading-numbness': false,
};
