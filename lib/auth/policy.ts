/**
 * Who may do what, as pure functions of the viewer and facts loaded from the database.
 * The data access layer loads the facts, calls a rule, and also scopes its SQL.
 */
import type { Role } from './roles';

export type ViewerFacts = { userId: string; role: Role; clinicId: string };
export type EpisodeFacts = {
  clinicId: string;
  patientId: string;
  clinicianId: string;
  status: 'active' | 'discharged';
  /** While the episode's clinician is away: the clinician covering for them. */
  coverClinicianId?: string | null;
};

/**
 * The clinician responsible for the episode right now: its own clinician, or while they are away the
 * colleague covering for them (who sees and acts on the patient until they are back).
 */
export function isResponsibleClinician(viewer: ViewerFacts, episode: EpisodeFacts): boolean {
  if (viewer.role !== 'clinician' || viewer.clinicId !== episode.clinicId) return false;
  return episode.clinicianId === viewer.userId || (episode.coverClinicianId != null && episode.coverClinicianId === viewer.userId);
}

/** Patient: own episodes. Clinician: episodes assigned to them or covered by them. Managers read outcomes, not records. */
export function canReadEpisode(viewer: ViewerFacts, episode: EpisodeFacts): boolean {
  if (viewer.clinicId !== episode.clinicId) return false;
  if (viewer.role === 'patient') return episode.patientId === viewer.userId;
  if (viewer.role === 'clinician') return isResponsibleClinician(viewer, episode);
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

/** The responsible clinician changes the clinical record (plans, measurements, notes, goals, discharge). */
export function canManageEpisode(viewer: ViewerFacts, episode: EpisodeFacts): boolean {
  return isResponsibleClinician(viewer, episode);
}

/** What decides escalation access: the clinic's safety lead, and whether they are away and who covers. */
export type SafetyLeadFacts = { clinicId: string; safetyLeadId: string | null; leadCoverId: string | null };

/**
 * The acting safety lead of a clinic: its named lead, or while the lead is away the colleague covering
 * for them. Only a clinician of that clinic; nobody when the clinic has not named a lead.
 */
export function isActingSafetyLead(viewer: ViewerFacts, clinic: SafetyLeadFacts): boolean {
  if (viewer.role !== 'clinician' || viewer.clinicId !== clinic.clinicId || clinic.safetyLeadId === null) return false;
  return clinic.safetyLeadId === viewer.userId || (clinic.leadCoverId !== null && clinic.leadCoverId === viewer.userId);
}

/**
 * A manager's access, the one rule: managers act on their own clinic only (staff, reassignment, cover,
 * outcomes, settings, exports, the audit trail). Applied through requireClinicManager (lib/auth/viewer.ts).
 */
export function canManageClinic(viewer: ViewerFacts, clinicId: string): boolean {
  return viewer.role === 'manager' && viewer.clinicId === clinicId;
}

/** Who may mark a clinician away or back: the clinician themself, or a manager of their clinic. */
export function canSetAway(viewer: ViewerFacts, clinician: { id: string; clinicId: string }): boolean {
  if (canManageClinic(viewer, clinician.clinicId)) return true;
  return viewer.role === 'clinician' && viewer.clinicId === clinician.clinicId && viewer.userId === clinician.id;
}
