/** Exercises, plan versions and exercise logs. */
import { randomUUID } from 'node:crypto';
import { STARTER_EXERCISES } from '../../lib/content/exercises';
import { localDay, MS_PER_DAY } from '../../lib/time';
import type { Db } from '../connection';
import * as t from '../schema';
import { patientTimeZone } from './people';

export const daysAfter = (date: Date, days: number) => new Date(date.getTime() + days * MS_PER_DAY);
export const daysAgo = (days: number, from = new Date()) => daysAfter(from, -days);

/** A library exercise of the clinic with a default daily dosage; its slug is unique per call. */
export async function insertExerciseRow(db: Db, clinicId: string, name = `Exercise ${randomUUID().slice(0, 6)}`) {
  const [row] = await db
    .insert(t.exercises)
    .values({
      clinicId,
      slug: `ex-${randomUUID()}`,
      name,
      category: 'mobility',
      instructions: ['Move gently.'],
      safetyNote: 'Stop if pain spreads.',
      acceptablePain: 'Up to 5/10.',
      defaultDosage: { sets: null, reps: 10, holdSeconds: null, durationMinutes: null, timesPerDay: 1, daysPerWeek: 7, perSide: false },
    })
    .returning({ id: t.exercises.id, name: t.exercises.name });
  return row!;
}

/** Plan version 1 with one daily exercise (7 sessions a week). */
export async function insertOneExercisePlan(db: Db, input: { episodeId: string; clinicianId: string; exerciseId: string; createdAt?: Date }) {
  const [plan] = await db
    .insert(t.plans)
    .values({ episodeId: input.episodeId, version: 1, createdBy: input.clinicianId, createdAt: input.createdAt ?? daysAgo(60) })
    .returning({ id: t.plans.id });
  const [item] = await db
    .insert(t.planItems)
    .values({ planId: plan!.id, exerciseId: input.exerciseId, position: 0, reps: 10, timesPerDay: 1, daysPerWeek: 7 })
    .returning({ id: t.planItems.id });
  return { planId: plan!.id, planItemId: item!.id };
}

/** A plan version with a new exercise per item; each item is `{ timesPerDay, daysPerWeek }`. */
export async function insertPlanWithItems(
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
    const exercise = await insertExerciseRow(db, input.clinicId, `Test exercise ${position + 1}`);
    const [row] = await db
      .insert(t.planItems)
      .values({ planId: plan!.id, exerciseId: exercise.id, position, reps: 10, ...item })
      .returning();
    items.push(row!);
  }
  return { plan: plan!, items };
}

/** A plan of starter-library exercises (by slug) at their default dosages, as a clinician would build it. */
export async function insertStarterPlan(
  db: Db,
  input: { clinicId: string; episodeId: string; clinicianId: string; slugs?: string[]; version?: number },
) {
  const slugs = input.slugs ?? ['walking', 'pelvic-tilt', 'glute-bridge'];
  const exerciseRows = await db
    .insert(t.exercises)
    .values(
      slugs.map((slug) => {
        const starter = STARTER_EXERCISES.find((exercise) => exercise.slug === slug)!;
        return {
          clinicId: input.clinicId,
          // Unique per call: each test makes its own library rows in a shared clinic.
          slug: `${slug}-${randomUUID().slice(0, 8)}`,
          name: starter.name,
          category: starter.category,
          summary: starter.summary,
          instructions: starter.instructions,
          safetyNote: starter.safetyNote,
          acceptablePain: starter.acceptablePain,
          defaultDosage: starter.defaultDosage,
          illustration: starter.illustration,
        };
      }),
    )
    .returning({ id: t.exercises.id, dosage: t.exercises.defaultDosage });
  const [plan] = await db
    .insert(t.plans)
    .values({ episodeId: input.episodeId, version: input.version ?? 1, createdBy: input.clinicianId })
    .returning({ id: t.plans.id });
  const items = await db
    .insert(t.planItems)
    .values(exerciseRows.map((exercise, position) => ({ planId: plan!.id, exerciseId: exercise.id, position, ...exercise.dosage })))
    .returning({ id: t.planItems.id, position: t.planItems.position, timesPerDay: t.planItems.timesPerDay });
  return { planId: plan!.id, items: items.sort((a, b) => a.position - b.position) };
}

/** One log of a plan item on the patient's day of `loggedAt`. */
export async function insertExerciseLogRow(db: Db, episodeId: string, planItemId: string, loggedAt: Date, status: 'done' | 'skipped' = 'done') {
  await insertExerciseLogRows(db, { episodeId, planItemId, lastAt: loggedAt, count: 1, status, skipReason: 'pain' });
}

/** `count` logs of one plan item, one a day going back from `lastAt`. */
export async function insertExerciseLogRows(
  db: Db,
  input: {
    episodeId: string;
    planItemId: string;
    lastAt: Date;
    count: number;
    status?: 'done' | 'partial' | 'skipped';
    skipReason?: 'pain' | 'no-time';
  },
) {
  const status = input.status ?? 'done';
  const zone = await patientTimeZone(db, input.episodeId);
  const rows = Array.from({ length: input.count }, (_, index) => {
    const loggedAt = daysAfter(input.lastAt, -index);
    return {
      episodeId: input.episodeId,
      planItemId: input.planItemId,
      status,
      skipReason: status === 'skipped' ? (input.skipReason ?? 'no-time') : null,
      loggedAt,
      localDay: localDay(loggedAt, zone),
      submissionId: randomUUID(),
    };
  });
  if (rows.length > 0) await db.insert(t.exerciseLogs).values(rows);
}
