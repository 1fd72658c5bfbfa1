import 'server-only';
import { and, asc, count, countDistinct, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { clinics, episodes, painEntries, users } from '@/db/schema';
import { requireRole } from '@/lib/auth/viewer';
import { recordAudit } from './audit';

export type CaseloadEntry = { episodeId: string; patientName: string; startedAt: Date; latestPain: number | null };

/** Clinician: their own active episodes, by patient name. Everyone else: AppError('forbidden'). */
export async function listCaseloadOverview(): Promise<CaseloadEntry[]> {
  const viewer = await requireRole('clinician');
  const db = getDb();
  const patient = alias(users, 'patient');
  const latestPain = sql<number | null>`(
    select ${painEntries.score} from ${painEntries}
    where ${painEntries.episodeId} = ${episodes.id}
    order by ${painEntries.recordedAt} desc limit 1
  )`;
  const rows = await db
    .select({
      episodeId: episodes.id,
      patientName: patient.name,
      startedAt: episodes.startedAt,
      latestPain,
    })
    .from(episodes)
    .innerJoin(patient, eq(patient.id, episodes.patientId))
    .where(
      and(
        eq(episodes.clinicianId, viewer.userId),
        eq(episodes.clinicId, viewer.clinicId),
        eq(episodes.status, 'active'),
      ),
    )
    .orderBy(asc(patient.name));
  await recordAudit(db, {
    action: 'clinician.caseload.read',
    outcome: 'success',
    actorId: viewer.userId,
    actorRole: viewer.role,
    clinicId: viewer.clinicId,
    resourceType: 'caseload',
    detail: { episodes: rows.length },
    clientAddress: viewer.clientAddress,
  });
  return rows;
}

export type ClinicCounts = { clinicName: string; activePatients: number; clinicians: number; activeEpisodes: number };

/** Manager: counts for their own clinic. Everyone else: AppError('forbidden'). */
export async function getClinicCounts(): Promise<ClinicCounts> {
  const viewer = await requireRole('manager');
  const db = getDb();
  const [clinic] = await db.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, viewer.clinicId));
  const [episodeCounts] = await db
    .select({ activePatients: countDistinct(episodes.patientId), activeEpisodes: count() })
    .from(episodes)
    .where(and(eq(episodes.clinicId, viewer.clinicId), eq(episodes.status, 'active')));
  const [clinicianCount] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.clinicId, viewer.clinicId), eq(users.role, 'clinician'), eq(users.active, true)));
  return {
    clinicName: clinic?.name ?? '',
    activePatients: episodeCounts?.activePatients ?? 0,
    clinicians: clinicianCount?.n ?? 0,
    activeEpisodes: episodeCounts?.activeEpisodes ?? 0,
  };
}
