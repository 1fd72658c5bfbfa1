import 'server-only';
import { exerciseLogs, painEntries } from '@/db/schema';

/*
 * What a patient writes down, as every reader selects it: the diary pages, the clinician's record and
 * the patient's own export add their own columns to these.
 */

/** A pain entry's answers and when it was recorded. */
export const painEntryColumns = {
  id: painEntries.id,
  score: painEntries.score,
  worst24h: painEntries.worst24h,
  locations: painEntries.locations,
  belowKnee: painEntries.belowKnee,
  note: painEntries.note,
  recordedAt: painEntries.recordedAt,
};

/** A logged exercise session (lib/validation/exercise-log-options.ts ExerciseLogEntry). */
export const exerciseLogEntryColumns = {
  id: exerciseLogs.id,
  status: exerciseLogs.status,
  setsDone: exerciseLogs.setsDone,
  difficulty: exerciseLogs.difficulty,
  painDuring: exerciseLogs.painDuring,
  skipReason: exerciseLogs.skipReason,
  loggedAt: exerciseLogs.loggedAt,
};
