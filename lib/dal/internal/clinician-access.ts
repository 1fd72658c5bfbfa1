import 'server-only';
import { eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { episodes, users } from '@/db/schema';
import { canManageEpisode } from '@/lib/auth/policy';
import { auditActor, recordDenied, requireRole, type Viewer } from '@/lib/auth/viewer';
import { isUuid } from '@/lib/validation/ids';
import { loadEpisodeFacts, type EpisodeFactsWithId } from './episodes';

/**
 * SQL condition: `clinicianColumn` (an episode's clinician) is the viewer, or a clinician of the viewer's
 * clinic who is away with the viewer covering for them. The SQL twin of isResponsibleClinician.
 */
export function responsibleClinicianIn(clinicianColumn: AnyColumn | SQL, viewer: Pick<Viewer, 'userId' | 'clinicId'>): SQL {
  return sql`${clinicianColumn} in (select rc.id from users rc where rc.clinic_id = ${viewer.clinicId}
    and (rc.id = ${viewer.userId} or rc.cover_clinician_id = ${viewer.userId}))`;
}

export type ClinicianEpisodeAccess = { viewer: Viewer; episode: EpisodeFactsWithId };

/**
 * Clinician: an episode in their own caseload or one they cover while its clinician is away (any status). Other clinicians and unknown ids: null, with
 * the refusal audited. Other roles: AppError('forbidden'). Every record read or change starts here.
 */
export async function getOwnEpisode(episodeId: unknown, action: string): Promise<ClinicianEpisodeAccess | null> {
  const viewer = await requireRole('clinician');
  if (!isUuid(episodeId)) return null;
  const episode = await loadEpisodeFacts(episodeId);
  if (!episode || !canManageEpisode(viewer, episode)) {
    await recordDenied(viewer, action, { type: 'episode', id: episodeId });
    return null;
  }
  return { viewer, episode };
}

/** Audit fields shared by every clinician action on an episode. */
export function auditBase(access: ClinicianEpisodeAccess) {
  return { ...auditActor(access.viewer), patientId: access.episode.patientId };
}

export type EpisodeHeading = { episodeId: string; patientName: string; status: 'active' | 'discharged'; startedAt: Date };

/** Name and status for the heading of a record page; call only after getOwnEpisode succeeded. */
export async function loadEpisodeHeading(access: ClinicianEpisodeAccess): Promise<EpisodeHeading> {
  const [row] = await getDb()
    .select({ patientName: users.name, status: episodes.status, startedAt: episodes.startedAt })
    .from(episodes)
    .innerJoin(users, eq(users.id, episodes.patientId))
    .where(eq(episodes.id, access.episode.id));
  return { episodeId: access.episode.id, ...row! };
}
