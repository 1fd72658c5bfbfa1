import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { episodes, painEntries, redFlagScreens } from '@/db/schema';
import { evaluateRedFlags, type RedFlagUrgency } from '@/lib/clinical/red-flags';
import { recordDenied, type Viewer } from '@/lib/auth/viewer';
import { localDay } from '@/lib/time';
import { PAIN_EDIT_WINDOW_HOURS, type PainEntryInput, type PainEntryUpdate, type PainLocation } from '@/lib/validation/pain';
import { evaluatePainAlerts } from './internal/alert-engine';
import { getLoggableContext, getPatientContext, recordOwnAction, recordOwnRead } from './internal/patient-episode';
import { storeRedFlagScreen } from './internal/red-flag-alerts';
import { painEntryColumns } from './internal/diary-columns';

export type PainEntrySummary = {
  id: string;
  score: number;
  worst24h: number | null;
  locations: PainLocation[];
  belowKnee: boolean;
  note: string | null;
  recordedAt: Date;
  edited: boolean;
  /** Optimistic-concurrency token: milliseconds of the last change. */
  version: number;
  canChange: boolean;
};

export type RedFlagOutcome = { urgency: RedFlagUrgency; positives: string[] } | null;

const editWindow = sql`now() - make_interval(hours => ${PAIN_EDIT_WINDOW_HOURS})`;
const versionOf = sql<number>`floor(extract(epoch from coalesce(${painEntries.updatedAt}, ${painEntries.recordedAt})) * 1000)::float8`;

const summaryColumns = {
  ...painEntryColumns,
  updatedAt: painEntries.updatedAt,
  version: versionOf,
  canChange: sql<boolean>`(${painEntries.recordedAt} > ${editWindow} and ${episodes.status} = 'active')`,
};

type SummaryRow = { updatedAt: Date | null; locations: string[] } & Omit<PainEntrySummary, 'edited' | 'locations'>;

function toSummary({ updatedAt, ...row }: SummaryRow): PainEntrySummary {
  return { ...row, locations: row.locations as PainLocation[], edited: updatedAt !== null, version: Number(row.version) };
}

/** The viewer's own pain entries are those of episodes where they are the patient, in their clinic. */
function ownEntries(viewer: Viewer) {
  return and(eq(episodes.patientId, viewer.userId), eq(episodes.clinicId, viewer.clinicId));
}

export type CreatePainEntryResult =
  | { status: 'created' | 'duplicate'; entryId: string; redFlag: RedFlagOutcome }
  | { status: 'no-active-episode' }
  | { status: 'stale-form' };

/**
 * Patient with an active episode: records a pain entry and its red-flag answers; any yes raises a red-flag alert,
 * then the pain alert rules run, all in one transaction with the audit row. A repeated submissionId returns the
 * first entry ('duplicate'). Others: AppError('forbidden'); no active care: 'no-active-episode'.
 */
export async function createPainEntry(input: Omit<PainEntryInput, 'newSymptom'>): Promise<CreatePainEntryResult> {
  const { viewer, episode } = await getLoggableContext();
  if (!episode) return { status: 'no-active-episode' };
  const evaluation = evaluateRedFlags(input.redFlags);
  const now = new Date();

  return getDb().transaction(async (tx) => {
    const [inserted] = await tx
      .insert(painEntries)
      .values({
        episodeId: episode.id,
        score: input.score,
        worst24h: input.worst24h,
        locations: input.locations,
        belowKnee: input.belowKnee,
        note: input.note,
        recordedAt: now,
        localDay: localDay(now, viewer.timeZone),
        submissionId: input.submissionId,
      })
      .onConflictDoNothing()
      .returning({ id: painEntries.id });
    if (!inserted) {
      // A double submit or a retried request: report the first write, scoped to this patient's episode.
      const [first] = await tx
        .select({ id: painEntries.id, urgency: redFlagScreens.urgency, positives: redFlagScreens.positives })
        .from(painEntries)
        .leftJoin(redFlagScreens, eq(redFlagScreens.painEntryId, painEntries.id))
        .where(and(eq(painEntries.submissionId, input.submissionId), eq(painEntries.episodeId, episode.id)))
        .limit(1);
      // Only a tampered form reuses someone else's submission id: nothing is written or shown.
      if (!first) return { status: 'stale-form' as const };
      return {
        status: 'duplicate',
        entryId: first.id,
        redFlag: first.urgency ? { urgency: first.urgency as RedFlagUrgency, positives: first.positives ?? [] } : null,
      };
    }

    const screen = await storeRedFlagScreen(tx, {
      episodeId: episode.id,
      painEntryId: inserted.id,
      answers: input.redFlags,
      evaluation,
      submissionId: input.submissionId,
      now,
    });
    if (!screen) {
      // The id of another form (a safety check already sent with it): a tampered form, so nothing is kept.
      await tx.delete(painEntries).where(eq(painEntries.id, inserted.id));
      return { status: 'stale-form' as const };
    }
    const raised = await evaluatePainAlerts(tx, episode.id, now, { intakeNprs: episode.intakeNprs, timeZone: viewer.timeZone, status: episode.status });
    await recordOwnAction(tx, viewer, 'pain-entry.create', { type: 'pain_entry', id: inserted.id }, { redFlagUrgency: evaluation.urgency, alertsRaised: raised });
    return {
      status: 'created',
      entryId: inserted.id,
      redFlag: evaluation.urgency ? { urgency: evaluation.urgency, positives: evaluation.positives } : null,
    };
  });
}

/** Patient: their own entries, newest first (all episodes). Others: AppError('forbidden'). */
export async function listPainEntries(limit = 60): Promise<PainEntrySummary[]> {
  const { viewer } = await getPatientContext();
  const rows = await getDb()
    .select(summaryColumns)
    .from(painEntries)
    .innerJoin(episodes, eq(episodes.id, painEntries.episodeId))
    .where(ownEntries(viewer))
    .orderBy(desc(painEntries.recordedAt))
    .limit(Math.min(Math.max(1, limit), 500));
  await recordOwnRead(viewer, 'pain-entry.list', { type: 'patient', id: viewer.userId });
  return rows.map(toSummary);
}

/** Patient: one of their own entries. Anyone else's entry, or none: null (render as not found). */
export async function getPainEntry(entryId: string): Promise<PainEntrySummary | null> {
  const { viewer } = await getPatientContext();
  const [row] = await getDb()
    .select(summaryColumns)
    .from(painEntries)
    .innerJoin(episodes, eq(episodes.id, painEntries.episodeId))
    .where(and(eq(painEntries.id, entryId), ownEntries(viewer)))
    .limit(1);
  if (!row) {
    await recordDenied(viewer, 'pain-entry.read', { type: 'pain_entry', id: entryId });
    return null;
  }
  await recordOwnRead(viewer, 'pain-entry.read', { type: 'pain_entry', id: row.id });
  return toSummary(row);
}

/** Patient: the red-flag result of one of their own entries (for the page after saving). Others: null. */
export async function getPainEntryOutcome(entryId: string): Promise<{ entry: PainEntrySummary; redFlag: RedFlagOutcome } | null> {
  const entry = await getPainEntry(entryId);
  if (!entry) return null;
  const [screen] = await getDb()
    .select({ urgency: redFlagScreens.urgency, positives: redFlagScreens.positives })
    .from(redFlagScreens)
    .where(eq(redFlagScreens.painEntryId, entry.id))
    .orderBy(desc(redFlagScreens.createdAt))
    .limit(1);
  return {
    entry,
    redFlag: screen?.urgency ? { urgency: screen.urgency as RedFlagUrgency, positives: screen.positives } : null,
  };
}

export type ChangePainEntryResult = 'updated' | 'deleted' | 'not-found' | 'conflict' | 'too-late';

async function whyUnchanged(viewer: Viewer, entryId: string, action: string): Promise<ChangePainEntryResult> {
  const [row] = await getDb()
    .select({ recent: sql<boolean>`${painEntries.recordedAt} > ${editWindow}`, status: episodes.status })
    .from(painEntries)
    .innerJoin(episodes, eq(episodes.id, painEntries.episodeId))
    .where(and(eq(painEntries.id, entryId), ownEntries(viewer)))
    .limit(1);
  if (!row) {
    await recordDenied(viewer, action, { type: 'pain_entry', id: entryId });
    return 'not-found';
  }
  return row.recent && row.status === 'active' ? 'conflict' : 'too-late';
}

/**
 * Patient: changes their own entry within 24 hours, only if it is unchanged since `version` was read (else
 * 'conflict'), with fresh safety answers (a yes raises a red-flag alert in the same transaction). Someone else's
 * entry: 'not-found' (audited as denied). Others: AppError('forbidden').
 */
export async function updatePainEntry(input: Omit<PainEntryUpdate, 'newSymptom'>): Promise<ChangePainEntryResult> {
  const { viewer } = await getPatientContext();
  const ownEpisodeIds = getDb()
    .select({ id: episodes.id })
    .from(episodes)
    .where(and(ownEntries(viewer), eq(episodes.status, 'active')));
  return getDb().transaction(async (tx) => {
    const updated = await tx
      .update(painEntries)
      .set({
        score: input.score,
        worst24h: input.worst24h,
        locations: input.locations,
        belowKnee: input.belowKnee,
        note: input.note,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(painEntries.id, input.id),
          inArray(painEntries.episodeId, ownEpisodeIds),
          gt(painEntries.recordedAt, editWindow),
          sql`${versionOf} = ${input.version}`,
        ),
      )
      .returning({ id: painEntries.id, episodeId: painEntries.episodeId });
    if (updated.length === 0) return 'too-late-or-other' as const;
    const episodeId = updated[0]!.episodeId;
    const evaluation = evaluateRedFlags(input.redFlags);
    const now = new Date();
    // A fresh id: each correction keeps its answers as a screen of their own.
    await storeRedFlagScreen(tx, { episodeId, painEntryId: input.id, answers: input.redFlags, evaluation, submissionId: randomUUID(), now });
    await evaluatePainAlerts(tx, episodeId, now);
    await recordOwnAction(tx, viewer, 'pain-entry.update', { type: 'pain_entry', id: input.id });
    return 'updated' as const;
  }).then((result) => (result === 'updated' ? result : whyUnchanged(viewer, input.id, 'pain-entry.update')));
}

/** Patient: deletes their own entry within 24 hours. Someone else's: 'not-found' (audited). Others: AppError('forbidden'). */
export async function deletePainEntry(entryId: string): Promise<ChangePainEntryResult> {
  const { viewer } = await getPatientContext();
  const ownEpisodeIds = getDb()
    .select({ id: episodes.id })
    .from(episodes)
    .where(and(ownEntries(viewer), eq(episodes.status, 'active')));
  const deleted = await getDb().transaction(async (tx) => {
    const rows = await tx
      .delete(painEntries)
      .where(and(eq(painEntries.id, entryId), inArray(painEntries.episodeId, ownEpisodeIds), gt(painEntries.recordedAt, editWindow)))
      .returning({ id: painEntries.id });
    if (rows.length === 0) return false;
    await recordOwnAction(tx, viewer, 'pain-entry.delete', { type: 'pain_entry', id: entryId });
    return true;
  });
  return deleted ? 'deleted' : whyUnchanged(viewer, entryId, 'pain-entry.delete');
}
