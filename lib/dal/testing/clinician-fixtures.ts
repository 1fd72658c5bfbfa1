/** Test data for the clinician DAL tests: plans, exercise logs and questionnaires on top of db/factories. */
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/connection';
import { patientDay } from '@/db/factories';
import { exerciseLogs, exercises, planItems, plans, questionnaireResponses } from '@/db/schema';
import { MS_PER_DAY } from '@/lib/time';
import type { Instrument } from '@/lib/clinical/instruments';

export async function createExercise(db: Db, clinicId: string, name = `Exercise ${randomUUID().slice(0, 6)}`) {
  const [row] = await db
    .insert(exercises)
    .values({
      clinicId,
      slug: `ex-${randomUUID().slice(0, 8)}`,
      name,
      category: 'mobility',
      instructions: ['Move gently.'],
      safetyNote: 'Stop if pain spreads.',
      acceptablePain: 'Up to 5/10.',
      defaultDosage: { sets: null, reps: 10, holdSeconds: null, durationMinutes: null, timesPerDay: 1, daysPerWeek: 7, perSide: false },
    })
    .returning({ id: exercises.id, name: exercises.name });
  return row!;
}

/** Plan version 1 with one daily exercise (7 sessions a week). */
export async function createPlan(db: Db, input: { episodeId: string; clinicianId: string; exerciseId: string; createdAt?: Date }) {
  const [plan] = await db
    .insert(plans)
    .values({ episodeId: input.episodeId, version: 1, createdBy: input.clinicianId, createdAt: input.createdAt ?? new Date(Date.now() - 60 * MS_PER_DAY) })
    .returning({ id: plans.id });
  const [item] = await db
    .insert(planItems)
    .values({ planId: plan!.id, exerciseId: input.exerciseId, position: 0, reps: 10, timesPerDay: 1, daysPerWeek: 7 })
    .returning({ id: planItems.id });
  return { planId: plan!.id, planItemId: item!.id };
}

export async function logExercise(db: Db, episodeId: string, planItemId: string, loggedAt: Date, status: 'done' | 'skipped' = 'done') {
  await db.insert(exerciseLogs).values({
    episodeId,
    planItemId,
    status,
    skipReason: status === 'skipped' ? 'pain' : null,
    loggedAt,
    localDay: await patientDay(db, episodeId, loggedAt),
    submissionId: randomUUID(),
  });
}

export async function completeQuestionnaire(
  db: Db,
  episodeId: string,
  instrument: Instrument,
  score: number,
  completedAt: Date,
  band: string | null = null,
) {
  await db.insert(questionnaireResponses).values({
    episodeId,
    instrument,
    status: 'completed',
    answers: {},
    score,
    band,
    startedAt: completedAt,
    completedAt,
    submissionId: randomUUID(),
  });
}

export const daysAgo = (days: number, from = new Date()) => new Date(from.getTime() - days * MS_PER_DAY);
