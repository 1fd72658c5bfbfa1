import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, insertExerciseRow, signInAs } from '@/db/factories';
import { auditEvents, exercises, goals, measurements, notes, plans, questionnaireResponses } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { createLibraryExercise } from './exercise-library';
import { createGoal } from './goals';
import { createMeasurements } from './measurements';
import { createNote } from './notes';
import { savePlanVersion } from './plans';
import { completeQuestionnaire } from './questionnaires';

const db = setupTestDatabase();

const audits = async (action: string) =>
  (await db().select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(eq(auditEvents.action, action)))[0]!.n;

/** The same submission sent twice in a row and twice at once (a double click, a retried request). */
async function submitRepeatedly<T>(submit: () => Promise<T>): Promise<T[]> {
  const first = await submit();
  const again = await Promise.all([submit(), submit()]);
  return [first, ...again];
}

describe('every clinician write is idempotent by its submission id', () => {
  it('notes, goals and measurement sets: one row and one audit row per submission', async () => {
    const { clinician, episode } = await createCareTeam(db());
    await signInAs(db(), clinician.id);
    const note = { submissionId: randomUUID(), subjective: 'Better', objective: '', assessment: '', plan: '' };
    expect(await submitRepeatedly(() => createNote(episode.id, note))).toEqual(['created', 'created', 'created']);
    const goal = { submissionId: randomUUID(), description: 'Walk the dog' };
    expect(await submitRepeatedly(() => createGoal(episode.id, goal))).toEqual(['created', 'created', 'created']);
    const set = {
      submissionId: randomUUID(),
      measuredAt: new Date(Date.now() - 60_000),
      values: [
        { code: 'lumbar-flexion' as const, value: 50, method: 'goniometer' },
        { code: 'modified-schober' as const, value: 15, method: null },
      ],
    };
    expect(await submitRepeatedly(() => createMeasurements(episode.id, set))).toEqual(['created', 'created', 'created']);

    expect(await db().select({ id: notes.id }).from(notes).where(eq(notes.episodeId, episode.id))).toHaveLength(1);
    expect(await db().select({ id: goals.id }).from(goals).where(eq(goals.episodeId, episode.id))).toHaveLength(1);
    expect(await db().select({ id: measurements.id }).from(measurements).where(eq(measurements.episodeId, episode.id))).toHaveLength(2);
    expect(await audits('clinician.note.create')).toBe(1);
    expect(await audits('clinician.goal.create')).toBe(1);
    expect(await audits('clinician.measurement.create')).toBe(1);

    // A new submission is a new row.
    expect(await createNote(episode.id, { ...note, submissionId: randomUUID() })).toBe('created');
    expect(await db().select({ id: notes.id }).from(notes).where(eq(notes.episodeId, episode.id))).toHaveLength(2);
  });

  it('library exercises and plan saves: the repeat answers with what the first stored', async () => {
    const { clinic, clinician, episode } = await createCareTeam(db());
    await signInAs(db(), clinician.id);
    const dosage = { sets: 2, reps: 10, holdSeconds: null, durationMinutes: null, timesPerDay: 1, daysPerWeek: 5, perSide: false };
    const exercise = { submissionId: randomUUID(), name: 'Cat camel', category: 'mobility', summary: '', instructions: ['Round, then arch.'], safetyNote: 'Stop if it hurts.', defaultDosage: dosage };
    const created = await submitRepeatedly(() => createLibraryExercise(exercise));
    expect(new Set(created.map((row) => row.id)).size).toBe(1);
    expect(await db().select({ id: exercises.id }).from(exercises).where(and(eq(exercises.clinicId, clinic.id), eq(exercises.name, 'Cat camel')))).toHaveLength(1);

    const bridge = await insertExerciseRow(db(), clinic.id, 'Bridge');
    const save = {
      submissionId: randomUUID(),
      baseVersion: 0,
      note: '',
      items: [{ exerciseId: bridge.id, sets: 2, reps: 10, holdSeconds: null, durationMinutes: null, timesPerDay: 1, daysPerWeek: 5, perSide: false, instructionsNote: null }],
    };
    expect(await submitRepeatedly(() => savePlanVersion(episode.id, save))).toEqual([
      { status: 'saved', version: 1 },
      { status: 'saved', version: 1 },
      { status: 'saved', version: 1 },
    ]);
    expect(await db().select({ id: plans.id }).from(plans).where(eq(plans.episodeId, episode.id))).toHaveLength(1);
    // Another clinician's save from the same base is still a conflict, not a duplicate.
    expect(await savePlanVersion(episode.id, { ...save, submissionId: randomUUID() })).toEqual({ status: 'conflict' });
  });
});

describe('two first completions of one questionnaire arriving together', () => {
  it('stores one; the other gets that one back', async () => {
    const { patient, episode } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    const submissionId = randomUUID();
    const answers = { sections: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] };
    const results = await Promise.all([completeQuestionnaire('ODI', submissionId, answers), completeQuestionnaire('ODI', submissionId, answers)]);
    const stored = await db().select({ id: questionnaireResponses.id }).from(questionnaireResponses).where(eq(questionnaireResponses.episodeId, episode.id));
    expect(stored).toHaveLength(1);
    expect(results.map((result) => result.status).sort()).toEqual(['completed', 'duplicate']);
    expect(results.map((result) => ('responseId' in result ? result.responseId : null))).toEqual([stored[0]!.id, stored[0]!.id]);
  });
});
