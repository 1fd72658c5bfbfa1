import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { goals, notes, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { auditBase, getOwnEpisode, loadEpisodeHeading, type EpisodeHeading } from './internal/clinician-access';
import type { GoalView } from './goals';

export type NoteView = {
  id: string;
  authorName: string;
  createdAt: Date;
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
  amendsId: string | null;
};

/** A note with the amendments that correct it, oldest first; the original text always stays visible. */
export type NoteThread = NoteView & { amendments: NoteView[] };

/**
 * Clinician: goals and SOAP notes (grouped with their amendments, newest first) of an episode in their
 * caseload, with one audit row. Others: null.
 */
export async function getGoalsAndNotes(episodeId: string): Promise<{ heading: EpisodeHeading; goals: GoalView[]; notes: NoteThread[] } | null> {
  const access = await getOwnEpisode(episodeId, 'clinician.notes.read');
  if (!access) return null;
  const rows = await getDb()
    .select({
      id: notes.id,
      authorName: users.name,
      createdAt: notes.createdAt,
      subjective: notes.subjective,
      objective: notes.objective,
      assessment: notes.assessment,
      plan: notes.plan,
      amendsId: notes.amendsId,
    })
    .from(notes)
    .innerJoin(users, eq(users.id, notes.authorId))
    .where(eq(notes.episodeId, access.episode.id))
    .orderBy(asc(notes.createdAt));
  const threads = new Map<string, NoteThread>();
  for (const row of rows) {
    if (!row.amendsId) threads.set(row.id, { ...row, amendments: [] });
  }
  for (const row of rows) {
    if (row.amendsId) threads.get(row.amendsId)?.amendments.push(row);
  }
  await recordAudit(getDb(), { ...auditBase(access), action: 'clinician.notes.read', outcome: 'success', resourceType: 'episode', resourceId: access.episode.id });
  return { heading: await loadEpisodeHeading(access), goals: await loadGoals(access.episode.id), notes: [...threads.values()].reverse() };
}

/**
 * Clinician: adds a SOAP note to their own episode, or an amendment of one of its original notes (notes
 * are never edited in place). The same submission again stores nothing. Others, or an amendment of an
 * unknown note: 'not-found'.
 */
export async function createNote(
  episodeId: string,
  input: { submissionId: string; subjective: string; objective: string; assessment: string; plan: string; amendsId?: string },
): Promise<'created' | 'not-found'> {
  const access = await getOwnEpisode(episodeId, 'clinician.note.create');
  if (!access) return 'not-found';
  const db = getDb();
  if (input.amendsId) {
    // Amendments attach to the original note, so a correction chain never hides what was first written.
    const [original] = await db
      .select({ id: notes.id, amendsId: notes.amendsId })
      .from(notes)
      .where(and(eq(notes.id, input.amendsId), eq(notes.episodeId, access.episode.id)))
      .limit(1);
    if (!original || original.amendsId) return 'not-found';
  }
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(notes)
      .values({
        episodeId: access.episode.id,
        authorId: access.viewer.userId,
        subjective: input.subjective,
        objective: input.objective,
        assessment: input.assessment,
        plan: input.plan,
        amendsId: input.amendsId ?? null,
        submissionId: input.submissionId,
      })
      .onConflictDoNothing()
      .returning({ id: notes.id });
    // A repeated submission (double click, a retried request): the first one stands.
    if (!row) return;
    await recordAudit(tx, {
      ...auditBase(access),
      action: input.amendsId ? 'clinician.note.amend' : 'clinician.note.create',
      outcome: 'success',
      resourceType: 'note',
      resourceId: row.id,
    });
  });
  return 'created';
}

// Unscoped by design: only called by getGoalsAndNotes after getOwnEpisode succeeded.
async function loadGoals(episodeId: string): Promise<GoalView[]> {
  return getDb()
    .select({
      id: goals.id,
      description: goals.description,
      measureCode: goals.measureCode,
      targetValue: goals.targetValue,
      targetDate: goals.targetDate,
      status: goals.status,
      updatedAt: goals.updatedAt,
    })
    .from(goals)
    .where(eq(goals.episodeId, episodeId))
    .orderBy(asc(goals.createdAt));
}

