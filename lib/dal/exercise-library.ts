import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { exercises } from '@/db/schema';
import { requireRole } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import type { Dosage } from '@/lib/clinical/dosage';
import { recordViewerAction } from './internal/viewer-action';

/** What a clinician writes for an exercise of their own. */
export type NewExercise = {
  name: string;
  category: string;
  summary: string;
  instructions: string[];
  safetyNote: string;
  defaultDosage: Dosage;
};

/** An exercise in the clinic's library: the starter set and the clinicians' own (`custom`). */
export type LibraryExercise = NewExercise & { id: string; slug: string; illustration: string | null; custom: boolean };

/** Clinician: their clinic's exercise library, optionally searched and filtered. Others: AppError('forbidden'). */
export async function listExerciseLibrary(filter: { search?: string; category?: string } = {}): Promise<LibraryExercise[]> {
  const viewer = await requireRole('clinician');
  const conditions = [eq(exercises.clinicId, viewer.clinicId)];
  const search = filter.search?.trim().toLowerCase();
  if (search) conditions.push(sql`strpos(lower(${exercises.name} || ' ' || ${exercises.summary}), ${search}) > 0`);
  if (filter.category) conditions.push(eq(exercises.category, filter.category));
  const rows = await getDb()
    .select({
      id: exercises.id,
      slug: exercises.slug,
      name: exercises.name,
      category: exercises.category,
      summary: exercises.summary,
      instructions: exercises.instructions,
      safetyNote: exercises.safetyNote,
      defaultDosage: exercises.defaultDosage,
      illustration: exercises.illustration,
      createdBy: exercises.createdBy,
    })
    .from(exercises)
    .where(and(...conditions))
    .orderBy(asc(exercises.category), asc(exercises.name));
  return rows.map(({ createdBy, ...row }) => ({ ...row, custom: createdBy !== null }));
}

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'exercise';

/**
 * Clinician: adds an exercise to their clinic's library, shared with the clinic's clinicians; the same
 * submission again stores nothing and answers with the first one's id. Others: AppError('forbidden').
 */
export async function createLibraryExercise(input: NewExercise & { submissionId: string }): Promise<{ id: string }> {
  const viewer = await requireRole('clinician');
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(exercises)
      .values({
        clinicId: viewer.clinicId,
        // A short random suffix keeps slugs unique when two clinicians name an exercise alike.
        slug: `${slugify(input.name)}-${randomBytes(3).toString('hex')}`,
        name: input.name,
        category: input.category,
        summary: input.summary,
        instructions: input.instructions,
        safetyNote: input.safetyNote,
        acceptablePain: 'Some discomfort up to 5 out of 10 is fine if it settles by the next morning.',
        defaultDosage: input.defaultDosage,
        createdBy: viewer.userId,
        submissionId: input.submissionId,
      })
      .onConflictDoNothing({ target: exercises.submissionId })
      .returning({ id: exercises.id });
    if (!row) {
      const [first] = await tx
        .select({ id: exercises.id })
        .from(exercises)
        .where(and(eq(exercises.submissionId, input.submissionId), eq(exercises.clinicId, viewer.clinicId)));
      if (!first) throw new AppError('conflict', 'This form was already used. Reload the page and try again.');
      return { id: first.id };
    }
    await recordViewerAction(tx, viewer, { action: 'clinician.exercise.create', resourceType: 'exercise', resourceId: row.id });
    return { id: row.id };
  });
}
