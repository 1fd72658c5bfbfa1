import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { episodes, users } from '@/db/schema';
import type { EpisodeFacts } from '@/lib/auth/policy';

export type EpisodeFactsWithId = EpisodeFacts & { id: string };

/**
 * The columns of EpisodeFactsWithId, for a query that joins the episode's clinician as `users`
 * (`.innerJoin(users, eq(users.id, episodes.clinicianId))`): the cover comes from them.
 */
export const episodeFactsColumns = {
  id: episodes.id,
  clinicId: episodes.clinicId,
  patientId: episodes.patientId,
  clinicianId: episodes.clinicianId,
  status: episodes.status,
  coverClinicianId: users.coverClinicianId,
};

/**
 * Unscoped lookup of the facts an authorization rule needs, including who covers the episode's clinician
 * while they are away; callers must apply a policy rule.
 */
export async function loadEpisodeFacts(episodeId: string): Promise<EpisodeFactsWithId | null> {
  const [row] = await getDb()
    .select(episodeFactsColumns)
    .from(episodes)
    .innerJoin(users, eq(users.id, episodes.clinicianId))
    .where(eq(episodes.id, episodeId))
    .limit(1);
  return row ?? null;
}

