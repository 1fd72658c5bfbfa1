import 'server-only';
import { canManageEpisode } from '@/lib/auth/policy';
import { recordDenied, requireRole, type Viewer } from '@/lib/auth/viewer';
import { loadEpisodeFacts, type EpisodeFactsWithId } from './episodes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export type ClinicianEpisodeAccess = { viewer: Viewer; episode: EpisodeFactsWithId };

/**
 * Clinician: an episode in their own caseload (any status). Other clinicians and unknown ids: null, with
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
  return {
    actorId: access.viewer.userId,
    actorRole: access.viewer.role,
    clinicId: access.viewer.clinicId,
    patientId: access.episode.patientId,
    clientAddress: access.viewer.clientAddress,
  };
}
