import 'server-only';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { measurements, users } from '@/db/schema';
import { checkMeasurement, ROM_MEASURES, type MeasureCode } from '@/lib/clinical/rom';
import type { MeasurementInput } from '@/lib/validation/measurements';
import { recordAudit } from '@/lib/audit/record';
import { isUuid } from '@/lib/validation/ids';
import { auditBase, getOwnEpisode, loadEpisodeHeading, type EpisodeHeading } from './internal/clinician-access';

export type MeasurementHistoryRow = {
  id: string;
  code: MeasureCode;
  value: number;
  unit: 'deg' | 'cm';
  method: string | null;
  measuredAt: Date;
  recordedAt: Date;
  clinicianName: string;
  supersedesId: string | null;
  supersededAt: Date | null;
  deletedAt: Date | null;
  deletedByName: string | null;
};

/** Clinician: every measurement row of their own episode, including corrected and deleted ones. Others: null. */
export async function listMeasurementHistory(episodeId: string): Promise<{ heading: EpisodeHeading; rows: MeasurementHistoryRow[] } | null> {
  const access = await getOwnEpisode(episodeId, 'clinician.measurements.read');
  if (!access) return null;
  const clinician = alias(users, 'clinician');
  const deleter = alias(users, 'deleter');
  const rows = await getDb()
    .select({
      id: measurements.id,
      code: measurements.code,
      value: measurements.value,
      unit: measurements.unit,
      method: measurements.method,
      measuredAt: measurements.measuredAt,
      recordedAt: measurements.createdAt,
      clinicianName: clinician.name,
      supersedesId: measurements.supersedesId,
      supersededAt: measurements.supersededAt,
      deletedAt: measurements.deletedAt,
      deletedByName: deleter.name,
    })
    .from(measurements)
    .innerJoin(clinician, eq(clinician.id, measurements.clinicianId))
    .leftJoin(deleter, eq(deleter.id, measurements.deletedBy))
    .where(eq(measurements.episodeId, access.episode.id))
    .orderBy(desc(measurements.measuredAt), measurements.code, desc(measurements.createdAt));
  await recordAudit(getDb(), { ...auditBase(access), action: 'clinician.measurements.read', outcome: 'success', resourceType: 'episode', resourceId: access.episode.id });
  return { heading: await loadEpisodeHeading(access), rows: rows as MeasurementHistoryRow[] };
}

/** Clinician: records a set of measurements on their own active episode; the same submission again stores nothing. Others: 'not-found'. */
export async function createMeasurements(
  episodeId: string,
  input: { submissionId: string; measuredAt: Date; values: MeasurementInput[] },
): Promise<'created' | 'not-found' | 'discharged'> {
  const access = await getOwnEpisode(episodeId, 'clinician.measurement.create');
  if (!access) return 'not-found';
  if (access.episode.status !== 'active') return 'discharged';
  await getDb().transaction(async (tx) => {
    const rows = await tx
      .insert(measurements)
      .values(
        input.values.map((value) => ({
          episodeId: access.episode.id,
          clinicianId: access.viewer.userId,
          code: value.code,
          value: value.value,
          unit: ROM_MEASURES[value.code].unit,
          method: value.method,
          measuredAt: input.measuredAt,
          submissionId: input.submissionId,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: measurements.id });
    // A repeated submission (double click, a retried request): the first one stands.
    if (rows.length === 0) return;
    await recordAudit(tx, {
      ...auditBase(access),
      action: 'clinician.measurement.create',
      outcome: 'success',
      resourceType: 'measurement',
      resourceId: rows.map((row) => row.id).join(','),
      detail: { count: rows.length },
    });
  });
  return 'created';
}

async function currentMeasurement(episodeId: string, measurementId: string) {
  const [row] = await getDb()
    .select({ id: measurements.id, code: measurements.code, measuredAt: measurements.measuredAt, method: measurements.method })
    .from(measurements)
    .where(and(eq(measurements.id, measurementId), eq(measurements.episodeId, episodeId), isNull(measurements.supersededAt), isNull(measurements.deletedAt)))
    .limit(1);
  return row ?? null;
}

/**
 * Clinician: corrects a current measurement of their own episode. The correction is a new row pointing at
 * the original, which is marked superseded and kept. Others, or a row already corrected/deleted: 'not-found'.
 */
export async function correctMeasurement(
  episodeId: string,
  measurementId: string,
  input: { value: number; method: string | null; confirmWarnings: boolean },
): Promise<'corrected' | 'not-found' | { error: string } | { warning: string }> {
  const access = await getOwnEpisode(episodeId, 'clinician.measurement.correct');
  if (!access || !isUuid(measurementId)) return 'not-found';
  const original = await currentMeasurement(access.episode.id, measurementId);
  if (!original) return 'not-found';
  const code = original.code as MeasureCode;
  const check = checkMeasurement(code, input.value);
  if (!check.ok) return { error: check.error };
  if (check.warning && !input.confirmWarnings) return { warning: check.warning };
  return getDb().transaction(async (tx) => {
    const now = new Date();
    // The guard on superseded_at makes two simultaneous corrections of one row produce one correction.
    const marked = await tx
      .update(measurements)
      .set({ supersededAt: now })
      .where(and(eq(measurements.id, original.id), isNull(measurements.supersededAt), isNull(measurements.deletedAt)))
      .returning({ id: measurements.id });
    if (marked.length === 0) return 'not-found' as const;
    const [row] = await tx
      .insert(measurements)
      .values({
        episodeId: access.episode.id,
        clinicianId: access.viewer.userId,
        code,
        value: input.value,
        unit: ROM_MEASURES[code].unit,
        method: ROM_MEASURES[code].unit === 'deg' ? (input.method ?? original.method) : null,
        measuredAt: original.measuredAt,
        supersedesId: original.id,
      })
      .returning({ id: measurements.id });
    await recordAudit(tx, {
      ...auditBase(access),
      action: 'clinician.measurement.correct',
      outcome: 'success',
      resourceType: 'measurement',
      resourceId: row!.id,
      detail: { supersedes: original.id },
    });
    return 'corrected' as const;
  });
}

/** Clinician: deletes a current measurement of their own episode; the row stays with who and when. Others: 'not-found'. */
export async function deleteMeasurement(episodeId: string, measurementId: string): Promise<'deleted' | 'not-found'> {
  const access = await getOwnEpisode(episodeId, 'clinician.measurement.delete');
  if (!access || !isUuid(measurementId)) return 'not-found';
  return getDb().transaction(async (tx) => {
    const deleted = await tx
      .update(measurements)
      .set({ deletedAt: new Date(), deletedBy: access.viewer.userId })
      .where(
        and(
          eq(measurements.id, measurementId),
          eq(measurements.episodeId, access.episode.id),
          isNull(measurements.supersededAt),
          isNull(measurements.deletedAt),
        ),
      )
      .returning({ id: measurements.id });
    if (deleted.length === 0) return 'not-found' as const;
    await recordAudit(tx, {
      ...auditBase(access),
      action: 'clinician.measurement.delete',
      outcome: 'success',
      resourceType: 'measurement',
      resourceId: measurementId,
    });
    return 'deleted' as const;
  });
}

