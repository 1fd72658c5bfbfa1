/**
 * Who may do what, as pure functions of the viewer and facts loaded from the database.
 * The data access layer loads the facts, calls a rule, and also scopes its SQL.
 */
import type { Role } from './roles';

export type ViewerFacts = { userId: string; role: Role; clinicId: string };
export type EpisodeFacts = { clinicId: string; patientId: string; clinicianId: string; status: 'active' | 'discharged' };

/** Patient: own episodes. Clinician: episodes assigned to them. Managers read outcomes, not records. */
export function canReadEpisode(viewer: ViewerFacts, episode: EpisodeFacts): boolean {
  if (viewer.clinicId !== episode.clinicId) return false;
  if (viewer.role === 'patient') return episode.patientId === viewer.userId;
  if (viewer.role === 'clinician') return episode.clinicianId === viewer.userId;
  return false;
}

/** Only the patient adds to their own diary, and only while the episode is active. */
export function canLogForEpisode(viewer: ViewerFacts, episode: EpisodeFacts): boolean {
  return (
    viewer.role === 'patient' &&
    viewer.clinicId === episode.clinicId &&
    episode.patientId === viewer.userId &&
    episode.status === 'active'
  );
}

/** The assigned clinician changes the clinical record (plans, measurements, notes, goals, discharge). */
export function canManageEpisode(viewer: ViewerFacts, episode: EpisodeFacts): boolean {
  return viewer.role === 'clinician' && viewer.clinicId === episode.clinicId && episode.clinicianId === viewer.userId;
}

/** Managers act on their own clinic only (users, reassignment, outcomes). */
export function canManageClinic(viewer: ViewerFacts, clinicId: string): boolean {
  return viewer.role === 'manager' && viewer.clinicId === clinicId;
}
