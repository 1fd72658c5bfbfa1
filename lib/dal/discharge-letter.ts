import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { clinics, episodes, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { auditBase, getOwnEpisode } from './internal/clinician-access';
import { getOutcomeSummary, type OutcomeSummary } from './discharge';

export type DischargeLetter = {
  outcome: OutcomeSummary;
  patient: { name: string; dateOfBirth: string | null };
  condition: string;
  startedAt: Date;
  dischargedAt: Date;
  clinicianName: string;
  clinic: { name: string; phone: string | null; email: string | null; address: string | null };
};

/**
 * Clinician: the letter to the GP or referrer for a discharged episode in their caseload, with the outcome
 * figures (the same ones the discharge page shows). Still active, other clinicians or unknown ids: null.
 * Others: AppError('forbidden').
 */
export async function getDischargeLetter(episodeId: string): Promise<DischargeLetter | null> {
  const access = await getOwnEpisode(episodeId, 'clinician.discharge-letter.print');
  if (!access || access.episode.status !== 'discharged') return null;
  const outcome = await getOutcomeSummary(access.episode.id);
  if (!outcome) return null;
  const db = getDb();
  const [row] = await db
    .select({
      patientName: users.name,
      dateOfBirth: users.dateOfBirth,
      condition: episodes.condition,
      startedAt: episodes.startedAt,
      dischargedAt: episodes.dischargedAt,
      clinicName: clinics.name,
      phone: clinics.contactPhone,
      email: clinics.contactEmail,
      address: clinics.contactAddress,
    })
    .from(episodes)
    .innerJoin(users, eq(users.id, episodes.patientId))
    .innerJoin(clinics, eq(clinics.id, episodes.clinicId))
    .where(eq(episodes.id, access.episode.id));
  if (!row?.dischargedAt) return null;
  await recordAudit(db, { ...auditBase(access), action: 'clinician.discharge-letter.print', outcome: 'success', resourceType: 'episode', resourceId: access.episode.id });
  return {
    outcome,
    patient: { name: row.patientName, dateOfBirth: row.dateOfBirth },
    condition: row.condition,
    startedAt: row.startedAt,
    dischargedAt: row.dischargedAt,
    clinicianName: access.viewer.name,
    clinic: { name: row.clinicName, phone: row.phone, email: row.email, address: row.address },
  };
}
