import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { clinics, episodes, exercises, planItems, plans, users } from '@/db/schema';
import { formatDosage } from '@/lib/clinical/dosage';
import { emergencyServicesFor, isClinicCountry, type EmergencyServices } from '@/lib/content/emergency-services';
import { recordAudit } from '@/lib/audit/record';
import { auditBase, getOwnEpisode } from './internal/clinician-access';
import { getPatientContext, recordOwnRead } from './internal/patient-episode';
import { dosageColumns } from './internal/plan-columns';

export type PrintableExercise = {
  name: string;
  summary: string;
  illustration: string | null;
  dosage: string;
  instructions: string[];
  acceptablePain: string;
  safetyNote: string;
  note: string | null;
};

export type PrintablePlan = {
  patientName: string;
  clinicianName: string;
  version: number;
  savedAt: Date;
  exercises: PrintableExercise[];
  clinic: { name: string; phone: string | null; email: string | null; address: string | null };
  /** Who to call in an emergency and for urgent advice, by the clinic's country. */
  services: EmergencyServices;
};

/** The newest plan version of an episode with everything a paper copy needs. Call only after an access check. */
async function loadPrintablePlan(episodeId: string): Promise<PrintablePlan | null> {
  const db = getDb();
  const [head] = await db
    .select({
      planId: plans.id,
      version: plans.version,
      savedAt: plans.createdAt,
      patientName: users.name,
      clinicianId: episodes.clinicianId,
      clinicName: clinics.name,
      phone: clinics.contactPhone,
      email: clinics.contactEmail,
      address: clinics.contactAddress,
      country: clinics.country,
    })
    .from(plans)
    .innerJoin(episodes, eq(episodes.id, plans.episodeId))
    .innerJoin(users, eq(users.id, episodes.patientId))
    .innerJoin(clinics, eq(clinics.id, episodes.clinicId))
    .where(eq(plans.episodeId, episodeId))
    .orderBy(desc(plans.version))
    .limit(1);
  if (!head) return null;
  const [clinician] = await db.select({ name: users.name }).from(users).where(eq(users.id, head.clinicianId));
  const rows = await db
    .select({
      name: exercises.name,
      summary: exercises.summary,
      illustration: exercises.illustration,
      instructions: exercises.instructions,
      acceptablePain: exercises.acceptablePain,
      safetyNote: exercises.safetyNote,
      ...dosageColumns,
      note: planItems.instructionsNote,
    })
    .from(planItems)
    .innerJoin(exercises, eq(exercises.id, planItems.exerciseId))
    .where(and(eq(planItems.planId, head.planId)))
    .orderBy(asc(planItems.position));
  return {
    patientName: head.patientName,
    clinicianName: clinician?.name ?? '',
    version: head.version,
    savedAt: head.savedAt,
    exercises: rows.map((row) => ({
      name: row.name,
      summary: row.summary,
      illustration: row.illustration,
      dosage: formatDosage(row),
      instructions: row.instructions,
      acceptablePain: row.acceptablePain,
      safetyNote: row.safetyNote,
      note: row.note,
    })),
    clinic: { name: head.clinicName, phone: head.phone, email: head.email, address: head.address },
    // The column's CHECK allows only known countries; the guard keeps the type honest.
    services: emergencyServicesFor(isClinicCountry(head.country) ? head.country : 'GB'),
  };
}

/** Patient: their current episode's plan, to print. No plan yet: null. Others: AppError('forbidden'). */
export async function getPrintablePlanForPatient(): Promise<PrintablePlan | null> {
  const { viewer, episode } = await getPatientContext();
  if (!episode) return null;
  const plan = await loadPrintablePlan(episode.id);
  if (plan) await recordOwnRead(viewer, 'patient.plan.print', { type: 'episode', id: episode.id });
  return plan;
}

/** Clinician: the current plan of an episode in their caseload, to print. Other clinicians, unknown ids or no plan: null. Others: AppError('forbidden'). */
export async function getPrintablePlanForClinician(episodeId: string): Promise<PrintablePlan | null> {
  const access = await getOwnEpisode(episodeId, 'clinician.plan.print');
  if (!access) return null;
  const plan = await loadPrintablePlan(access.episode.id);
  if (plan) await recordAudit(getDb(), { ...auditBase(access), action: 'clinician.plan.print', outcome: 'success', resourceType: 'episode', resourceId: access.episode.id });
  return plan;
}
