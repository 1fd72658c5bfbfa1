/** Test data for the patient-area integration tests: a plan with exercises for an episode. */
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/connection';
import { exercises, planItems, plans } from '@/db/schema';
import { STARTER_EXERCISES } from '@/lib/content/exercises';

export async function createPlan(
  db: Db,
  input: { clinicId: string; episodeId: string; clinicianId: string; slugs?: string[]; version?: number },
) {
  const slugs = input.slugs ?? ['walking', 'pelvic-tilt', 'glute-bridge'];
  const exerciseRows = await db
    .insert(exercises)
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
    .returning({ id: exercises.id, dosage: exercises.defaultDosage });
  const [plan] = await db
    .insert(plans)
    .values({ episodeId: input.episodeId, version: input.version ?? 1, createdBy: input.clinicianId })
    .returning({ id: plans.id });
  const items = await db
    .insert(planItems)
    .values(exerciseRows.map((exercise, position) => ({ planId: plan!.id, exerciseId: exercise.id, position, ...exercise.dosage })))
    .returning({ id: planItems.id, position: planItems.position, timesPerDay: planItems.timesPerDay });
  return { planId: plan!.id, items: items.sort((a, b) => a.position - b.position) };
}

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
