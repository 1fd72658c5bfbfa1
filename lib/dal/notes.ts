import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { notes, users } from '@/db/schema';
import { recordAudit } from './audit';
import { auditBase, getOwnEpisode } from './clinician-access';

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

/** Clinician: the SOAP notes of an episode in their caseload, grouped with their amendments. Others: null. */
export async function listNotes(episodeId: string): Promise<NoteThread[] | null> {
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
  return [...threads.values()].reverse();
}

/**
 * Clinician: adds a SOAP note to their own episode, or an amendment of one of its original notes (notes
 * are never edited in place). Others, or an amendment of an unknown note: 'not-found'.
 */
export async function createNote(
  episodeId: string,
  input: { subjective: string; objective: string; assessment: string; plan: string; amendsId?: string },
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
      })
      .returning({ id: notes.id });
    await recordAudit(tx, {
      ...auditBase(access),
      action: input.amendsId ? 'clinician.note.amend' : 'clinician.note.create',
      outcome: 'success',
      resourceType: 'note',
      resourceId: row!.id,
    });
  });
  return 'created';
}
