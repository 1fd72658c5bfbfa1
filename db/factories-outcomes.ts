/**
 * Test data builders for outcome figures: questionnaire responses, plans with items, and exercise
 * logs. Kept apart from db/factories.ts so areas can add builders without editing one shared file.
 */
import { randomUUID } from 'node:crypto';
import type { Instrument } from '../lib/clinical/instruments';
import { localDay, MS_PER_DAY } from '../lib/time';
import type { Db } from './connection';
import { patientTimeZone } from './factories';
import * as t from './schema';

export const daysAfter = (date: Date, days: number) => new Date(date.getTime() + days * MS_PER_DAY);

export async function createQuestionnaireResponse(
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

let exerciseSequence = 0;

/** A plan version with one exercise per item; each item is `{ timesPerDay, daysPerWeek }`. */
export async function createPlan(
  db: Db,
  input: {
    episodeId: string;
    clinicId: string;
    createdBy: string;
    version: number;
    createdAt: Date;
    items: { timesPerDay: number; daysPerWeek: number }[];
  },
) {
  const [plan] = await db
    .insert(t.plans)
    .values({ episodeId: input.episodeId, version: input.version, createdBy: input.createdBy, createdAt: input.createdAt })
    .returning();
  const items = [];
  for (const [position, item] of input.items.entries()) {
    exerciseSequence += 1;
    const [exercise] = await db
      .insert(t.exercises)
      .values({
        clinicId: input.clinicId,
        slug: `test-exercise-${randomUUID()}`,
        name: `Test exercise ${exerciseSequence}`,
        category: 'mobility',
        instructions: ['Move gently.'],
        safetyNote: 'Stop if pain spreads.',
        acceptablePain: 'Up to 5/10.',
        defaultDosage: { sets: null, reps: 10, holdSeconds: null, durationMinutes: null, timesPerDay: 1, daysPerWeek: 7, perSide: false },
      })
      .returning({ id: t.exercises.id });
    const [row] = await db
      .insert(t.planItems)
      .values({ planId: plan!.id, exerciseId: exercise!.id, position, reps: 10, ...item })
      .returning();
    items.push(row!);
  }
  return { plan: plan!, items };
}

/** `count` logs of one plan item, one a day going back from `lastAt`. */
export async function createExerciseLogs(
  db: Db,
  input: { episodeId: string; planItemId: string; lastAt: Date; count: number; status?: 'done' | 'partial' | 'skipped' },
) {
  const status = input.status ?? 'done';
  const zone = await patientTimeZone(db, input.episodeId);
  const rows = Array.from({ length: input.count }, (_, index) => {
    const loggedAt = daysAfter(input.lastAt, -index);
    return {
      episodeId: input.episodeId,
      planItemId: input.planItemId,
      status,
      skipReason: status === 'skipped' ? ('no-time' as const) : null,
      loggedAt,
      localDay: localDay(loggedAt, zone),
      submissionId: randomUUID(),
    };
  });
  if (rows.length > 0) await db.insert(t.exerciseLogs).values(rows);
}
