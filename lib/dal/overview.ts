import 'server-only';
import { and, count, countDistinct, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { clinics, episodes, users } from '@/db/schema';
import { requireClinicManager } from '@/lib/auth/viewer';

export type ClinicCounts = { clinicName: string; activePatients: number; clinicians: number; activeEpisodes: number };

/** Manager: counts for their own clinic. Everyone else: AppError('forbidden'). */
export async function getClinicCounts(): Promise<ClinicCounts> {
  const viewer = await requireClinicManager();
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
