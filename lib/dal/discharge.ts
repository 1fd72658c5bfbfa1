import 'server-only';
import { and, asc, desc, eq, isNull, lte } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { episodes, measurements, painEntries, questionnaireResponses } from '@/db/schema';
import { baselinePain } from '@/lib/clinical/figures';
import { lowerIsBetterImprovement, type Improvement } from '@/lib/clinical/improvement';
import { NPRS_MCID } from '@/lib/clinical/nprs';
import { ODI_MCID } from '@/lib/clinical/odi';
import type { PsfsChange } from '@/lib/clinical/psfs';
import { rmdqImprovement } from '@/lib/clinical/rmdq';
import { MEASURE_CODES, type MeasureCode } from '@/lib/clinical/rom';
import { recordAudit } from '@/lib/audit/record';
import { auditBase, getOwnEpisode, loadEpisodeHeading, responsibleClinicianIn, type EpisodeHeading } from './internal/clinician-access';
import { loadQuestionnaireOutcomes } from './internal/questionnaire-outcomes';

export type OutcomePair = { baseline: number; latest: number; improvement: Improvement } | null;

export type OutcomeSummary = {
  heading: EpisodeHeading;
  status: 'active' | 'discharged';
  dischargedAt: Date | null;
  dischargeSummary: string | null;
  nprs: OutcomePair;
  odi: OutcomePair;
  /** First against latest Roland-Morris score (fall of 5 points or 30 %: docs/CLINICAL.md, Meaningful change). */
  rmdq: OutcomePair;
  /** First against latest PSFS: the mean and each activity (mean +2 or one activity +3). */
  psfs: PsfsChange | null;
  rom: { code: MeasureCode; baseline: number; latest: number; change: number }[];
};

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * Clinician: baseline against latest (or discharge) NPRS, ODI and ROM for an episode in their caseload, with
 * whether the MCID was met (docs/CLINICAL.md, Meaningful change: a fall of ≥ 2 points or ≥ 30 % for NPRS; ≥ 10 or ≥ 30 % for ODI).
 * Others: null.
 */
export async function getOutcomeSummary(episodeId: string): Promise<OutcomeSummary | null> {
  const access = await getOwnEpisode(episodeId, 'clinician.outcome.read');
  if (!access) return null;
  const db = getDb();
  const id = access.episode.id;
  const [episode] = await db
    .select({ intakeNprs: episodes.intakeNprs, status: episodes.status, dischargedAt: episodes.dischargedAt, dischargeSummary: episodes.dischargeSummary })
    .from(episodes)
    .where(eq(episodes.id, id));
  // Latest pain, or discharge pain once discharged: the last entry on or before the discharge (lib/clinical/figures).
  const [latestPain] = await db
    .select({ score: painEntries.score })
    .from(painEntries)
    .where(and(eq(painEntries.episodeId, id), episode!.dischargedAt ? lte(painEntries.recordedAt, episode!.dischargedAt) : undefined))
    .orderBy(desc(painEntries.recordedAt), desc(painEntries.id))
    .limit(1);
  const baseline = baselinePain(episode!);
  const odiScores = await db
    .select({ score: questionnaireResponses.score })
    .from(questionnaireResponses)
    .where(and(eq(questionnaireResponses.episodeId, id), eq(questionnaireResponses.instrument, 'ODI'), eq(questionnaireResponses.status, 'completed')))
    .orderBy(asc(questionnaireResponses.completedAt));
  const odiValues = odiScores.map((row) => row.score).filter((score): score is number => score !== null);
  const romRows = await db
    .select({ code: measurements.code, value: measurements.value })
    .from(measurements)
    .where(and(eq(measurements.episodeId, id), isNull(measurements.supersededAt), isNull(measurements.deletedAt)))
    .orderBy(asc(measurements.measuredAt));
  const rom = MEASURE_CODES.flatMap((code) => {
    const values = romRows.filter((row) => row.code === code).map((row) => row.value);
    if (values.length < 2) return [];
    const [baseline, latest] = [values[0]!, values.at(-1)!];
    return [{ code, baseline, latest, change: round1(latest - baseline) }];
  });
  const outcomes = await loadQuestionnaireOutcomes(id);
  const rmdqChange = outcomes.rmdq.change;
  await recordAudit(db, { ...auditBase(access), action: 'clinician.outcome.read', outcome: 'success', resourceType: 'episode', resourceId: id });
  return {
    heading: await loadEpisodeHeading(access),
    status: episode!.status,
    dischargedAt: episode!.dischargedAt,
    dischargeSummary: episode!.dischargeSummary,
    nprs: latestPain
      ? {
          baseline,
          latest: latestPain.score,
          improvement: lowerIsBetterImprovement(baseline, latestPain.score, NPRS_MCID, { min: 0, max: 10, name: 'Pain' }),
        }
      : null,
    odi:
      odiValues.length >= 2
        ? {
            baseline: round1(odiValues[0]!),
            latest: round1(odiValues.at(-1)!),
            improvement: lowerIsBetterImprovement(odiValues[0]!, odiValues.at(-1)!, ODI_MCID, { min: 0, max: 100, name: 'Oswestry' }),
          }
        : null,
    rmdq: rmdqChange ? { baseline: rmdqChange.baseline, latest: rmdqChange.latest, improvement: rmdqImprovement(rmdqChange.baseline, rmdqChange.latest) } : null,
    psfs: outcomes.psfs.change,
    rom,
  };
}

/** Clinician: discharges an active episode they are responsible for (own or covered) with a summary. Others or already discharged: 'not-found'. */
export async function dischargeEpisode(episodeId: string, summary: string, now = new Date()): Promise<'discharged' | 'not-found'> {
  const access = await getOwnEpisode(episodeId, 'clinician.episode.discharge');
  if (!access) return 'not-found';
  return getDb().transaction(async (tx) => {
    const updated = await tx
      .update(episodes)
      .set({ status: 'discharged', dischargedAt: now, dischargeSummary: summary })
      .where(and(eq(episodes.id, access.episode.id), eq(episodes.status, 'active'), responsibleClinicianIn(episodes.clinicianId, access.viewer)))
      .returning({ id: episodes.id });
    if (updated.length === 0) return 'not-found' as const;
    await recordAudit(tx, { ...auditBase(access), action: 'clinician.episode.discharge', outcome: 'success', resourceType: 'episode', resourceId: access.episode.id });
    return 'discharged' as const;
  });
}
