import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNotNull, ne, type SQL } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { episodes, questionnaireResponses, questionnaireSchedules } from '@/db/schema';
import { QUESTIONNAIRE_WORSENING, questionnaireWorsening, type QuestionnaireInstrument } from '@/lib/clinical/alerts';
import { INSTRUMENT_NAMES, INSTRUMENTS, type Instrument } from '@/lib/clinical/instruments';
import { scoreOdi } from '@/lib/clinical/odi';
import { scorePsfs } from '@/lib/clinical/psfs';
import { scoreRmdq } from '@/lib/clinical/rmdq';
import { nextQuestionnaireDue, type DueState } from '@/lib/clinical/questionnaire-schedule';
import { scoreStartBack, type Bothersome } from '@/lib/clinical/startback';
import { recordDenied } from '@/lib/auth/viewer';
import { localDay } from '@/lib/time';
import {
  odiAnswersSchema,
  psfsAnswersSchema,
  readDraft,
  rmdqAnswersSchema,
  startBackAnswersSchema,
  type Draft,
  type PatientInstrument,
} from '@/lib/validation/questionnaires';
import { raiseAlert } from './internal/alert-engine';
import { getLoggableContext, getPatientContext, recordOwnAction, recordOwnRead, type PatientEpisode } from './internal/patient-episode';

export const PATIENT_INSTRUMENTS: readonly PatientInstrument[] = INSTRUMENTS;

export type QuestionnaireStatus = {
  instrument: PatientInstrument;
  due: DueState | null;
  inProgress: boolean;
  last: { responseId: string; completedAt: Date; score: number | null; band: string | null } | null;
};

export type QuestionnaireRows = {
  responses: { id: string; instrument: string; status: string; completedAt: Date | null; score: number | null; band: string | null }[];
  schedules: { instrument: string; intervalWeeks: number | null; enabled: boolean; dueAt: Date | null }[];
};

/**
 * What is due for each questionnaire of `episode`. Not an entry point: the caller has already resolved the
 * patient's own episode and records the read (listQuestionnaireStatus). `rows` may come preloaded (getToday
 * reads them in its one query); responses newest first.
 */
export async function questionnaireStatusFor(episode: PatientEpisode, timeZone: string, rows?: QuestionnaireRows): Promise<QuestionnaireStatus[]> {
  const { responses, schedules } = rows ?? (await loadQuestionnaireRows(episode.id));
  return statusesFrom(episode, timeZone, responses, schedules);
}

async function loadQuestionnaireRows(episodeId: string): Promise<QuestionnaireRows> {
  const db = getDb();
  const responses = await db
    .select({
      id: questionnaireResponses.id,
      instrument: questionnaireResponses.instrument,
      status: questionnaireResponses.status,
      completedAt: questionnaireResponses.completedAt,
      score: questionnaireResponses.score,
      band: questionnaireResponses.band,
    })
    .from(questionnaireResponses)
    .where(and(eq(questionnaireResponses.episodeId, episodeId), inArray(questionnaireResponses.instrument, [...PATIENT_INSTRUMENTS])))
    .orderBy(desc(questionnaireResponses.completedAt));
  const schedules = await db.select().from(questionnaireSchedules).where(eq(questionnaireSchedules.episodeId, episodeId));
  return { responses, schedules };
}

function statusesFrom(
  episode: PatientEpisode,
  timeZone: string,
  responses: QuestionnaireRows['responses'],
  schedules: QuestionnaireRows['schedules'],
): QuestionnaireStatus[] {
  const today = localDay(new Date(), timeZone);
  const statuses = PATIENT_INSTRUMENTS.map((instrument) => {
    const own = responses.filter((response) => response.instrument === instrument);
    const completed = own.filter((response) => response.status === 'completed' && response.completedAt);
    const schedule = schedules.find((row) => row.instrument === instrument);
    const due =
      episode.status === 'active'
        ? nextQuestionnaireDue({
            instrument,
            episodeStartDay: localDay(episode.startedAt, timeZone),
            today,
            episodeIntervalWeeks: episode.questionnaireIntervalWeeks,
            override: schedule
              ? { enabled: schedule.enabled, intervalWeeks: schedule.intervalWeeks, dueDay: schedule.dueAt ? localDay(schedule.dueAt, timeZone) : null }
              : null,
            completedDays: completed.map((response) => localDay(response.completedAt!, timeZone)),
          })
        : null;
    const latest = completed[0];
    return {
      instrument,
      due,
      inProgress: own.some((response) => response.status === 'in-progress'),
      last: latest ? { responseId: latest.id, completedAt: latest.completedAt!, score: latest.score, band: latest.band } : null,
    };
  });
  // An instrument the clinician never scheduled and the patient never answered (Roland-Morris by default) is not listed.
  return statuses.filter((status) => status.due || status.last || status.inProgress);
}

/** Patient: what is due for each questionnaire, and the last result. No episode: []. Others: AppError('forbidden'). */
export async function listQuestionnaireStatus(): Promise<QuestionnaireStatus[]> {
  const { viewer, episode } = await getPatientContext();
  if (!episode) return [];
  const statuses = await questionnaireStatusFor(episode, viewer.timeZone);
  await recordOwnRead(viewer, 'patient.questionnaires.read', { type: 'episode', id: episode.id });
  return statuses;
}

export type QuestionnaireSession = {
  instrument: PatientInstrument;
  submissionId: string;
  /** False for a fresh start: nothing is saved yet and `submissionId` is new on every call. */
  stored: boolean;
  draft: Draft;
  canAnswer: boolean;
};

/** The episode's responses to one instrument in one state. */
function responsesOf(episodeId: string, instrument: Instrument, status: 'in-progress' | 'completed'): SQL {
  return and(
    eq(questionnaireResponses.episodeId, episodeId),
    eq(questionnaireResponses.instrument, instrument),
    eq(questionnaireResponses.status, status),
  )!;
}

/** The response a form's submission id already started or finished, whichever episode it is in (the caller checks). */
async function responseOfSubmission(tx: Tx, submissionId: string) {
  const [row] = await tx
    .select({ id: questionnaireResponses.id, status: questionnaireResponses.status, episodeId: questionnaireResponses.episodeId, instrument: questionnaireResponses.instrument })
    .from(questionnaireResponses)
    .where(eq(questionnaireResponses.submissionId, submissionId))
    .limit(1);
  return row;
}

/**
 * Patient: their in-progress answers for an instrument (or a fresh start, with PSFS follow-ups pre-filled with
 * the activities they named before). Others: AppError('forbidden'). No episode: null.
 */
export async function getQuestionnaireSession(instrument: PatientInstrument): Promise<QuestionnaireSession | null> {
  const { viewer, episode } = await getPatientContext();
  if (!episode) return null;
  const db = getDb();
  const [draftRow] = await db
    .select({ answers: questionnaireResponses.answers, submissionId: questionnaireResponses.submissionId })
    .from(questionnaireResponses)
    .where(responsesOf(episode.id, instrument, 'in-progress'))
    .orderBy(desc(questionnaireResponses.startedAt))
    .limit(1);
  let previousActivities: string[] | null = null;
  if (instrument === 'PSFS') {
    const [previous] = await db
      .select({ answers: questionnaireResponses.answers })
      .from(questionnaireResponses)
      .where(responsesOf(episode.id, 'PSFS', 'completed'))
      .orderBy(desc(questionnaireResponses.completedAt))
      .limit(1);
    const parsed = psfsAnswersSchema.safeParse(previous?.answers);
    previousActivities = parsed.success ? parsed.data.activities.map((activity) => activity.name) : null;
  }
  await recordOwnRead(viewer, 'questionnaire.draft-read', { type: 'episode', id: episode.id });
  return {
    instrument,
    submissionId: draftRow?.submissionId ?? randomUUID(),
    stored: Boolean(draftRow),
    draft: readDraft(instrument, draftRow?.answers, previousActivities),
    canAnswer: episode.status === 'active',
  };
}

export type SaveDraftResult = 'saved' | 'already-completed' | 'no-active-episode' | 'not-found';

/**
 * Patient with an active episode: saves in-progress answers under `submissionId` (creating the row on the first
 * screen). A submission id of someone else's response: 'not-found' (audited). Others: AppError('forbidden').
 */
export async function saveQuestionnaireDraft(
  instrument: PatientInstrument,
  submissionId: string,
  draft: Draft,
): Promise<SaveDraftResult> {
  const { viewer, episode } = await getLoggableContext();
  if (!episode) return 'no-active-episode';
  const result = await getDb().transaction(async (tx) => {
    const existing = await responseOfSubmission(tx, submissionId);
    if (existing && (existing.episodeId !== episode.id || existing.instrument !== instrument)) return 'not-found' as const;
    if (existing?.status === 'completed') return 'already-completed' as const;
    if (existing) {
      await tx.update(questionnaireResponses).set({ answers: draft }).where(eq(questionnaireResponses.id, existing.id));
      return 'saved' as const;
    }
    await tx
      .insert(questionnaireResponses)
      .values({ episodeId: episode.id, instrument, status: 'in-progress', answers: draft, submissionId })
      .onConflictDoNothing();
    return 'saved' as const;
  });
  // Audited after the transaction: the audit write must not wait on the transaction's own connection.
  if (result === 'not-found') await recordDenied(viewer, 'questionnaire.save', { type: 'questionnaire_response', id: submissionId });
  return result;
}

type Scored = { score: number | null; band: string | null; subscore: number | null };

/** Scores stored answers on the server, exactly per docs/CLINICAL.md (lib/clinical). */
function scoreAnswers(instrument: PatientInstrument, answers: Record<string, unknown>): Scored {
  if (instrument === 'ODI') {
    const result = scoreOdi(odiAnswersSchema.parse(answers).sections);
    return { score: result.score, band: result.band, subscore: null };
  }
  if (instrument === 'STARTBACK') {
    const parsed = startBackAnswersSchema.parse(answers);
    const result = scoreStartBack(parsed.agree, parsed.bothersome as Bothersome);
    return { score: result.total, band: result.risk, subscore: result.psychosocial };
  }
  if (instrument === 'RMDQ') return { score: scoreRmdq(rmdqAnswersSchema.parse(answers).ticked), band: null, subscore: null };
  const parsed = psfsAnswersSchema.parse(answers);
  return { score: scorePsfs(parsed.activities.map((activity) => activity.rating)).score, band: null, subscore: null };
}

export type CompleteResult =
  | { status: 'completed' | 'duplicate'; responseId: string }
  | { status: 'no-active-episode' | 'not-found' };

/**
 * Patient with an active episode: scores and completes their response; a repeated submit returns the first
 * ('duplicate'). A worse score than last time (ODI +10, PSFS −2) raises an alert in the same transaction.
 * Someone else's submission id: 'not-found' (audited). Others: AppError('forbidden').
 */
export async function completeQuestionnaire(
  instrument: PatientInstrument,
  submissionId: string,
  answers: Record<string, unknown>,
): Promise<CompleteResult> {
  const { viewer, episode } = await getLoggableContext();
  if (!episode) return { status: 'no-active-episode' };
  const scored = scoreAnswers(instrument, answers);
  const now = new Date();
  const result = await getDb().transaction(async (tx) => {
    const existing = await responseOfSubmission(tx, submissionId);
    if (existing && (existing.episodeId !== episode.id || existing.instrument !== instrument)) return { status: 'not-found' as const };
    if (existing?.status === 'completed') return { status: 'duplicate' as const, responseId: existing.id };

    const [previous] = await tx
      .select({ score: questionnaireResponses.score })
      .from(questionnaireResponses)
      .where(
        and(
          responsesOf(episode.id, instrument, 'completed'),
          isNotNull(questionnaireResponses.score),
        ),
      )
      .orderBy(desc(questionnaireResponses.completedAt))
      .limit(1);

    const values = { answers, ...scored, status: 'completed' as const, completedAt: now };
    let responseId: string;
    // Two completions of one submission arriving together: the first stores it; the second finds it done
    // (the update matches no draft, or the insert meets the first one's row) and answers with it.
    const firstOne = async () => {
      const [first] = await tx.select({ id: questionnaireResponses.id }).from(questionnaireResponses).where(eq(questionnaireResponses.submissionId, submissionId));
      return { status: 'duplicate' as const, responseId: first!.id };
    };
    if (existing) {
      const updated = await tx
        .update(questionnaireResponses)
        .set(values)
        .where(and(eq(questionnaireResponses.id, existing.id), eq(questionnaireResponses.status, 'in-progress')))
        .returning({ id: questionnaireResponses.id });
      if (updated.length === 0) return firstOne();
      responseId = existing.id;
    } else {
      const [inserted] = await tx
        .insert(questionnaireResponses)
        .values({ episodeId: episode.id, instrument, startedAt: now, submissionId, ...values })
        .onConflictDoNothing({ target: questionnaireResponses.submissionId })
        .returning({ id: questionnaireResponses.id });
      if (!inserted) return firstOne();
      responseId = inserted.id;
    }
    // Other half-finished copies (another tab) are superseded by this one.
    await tx
      .delete(questionnaireResponses)
      .where(
        and(
          responsesOf(episode.id, instrument, 'in-progress'),
          ne(questionnaireResponses.id, responseId),
        ),
      );

    if (
      instrument in QUESTIONNAIRE_WORSENING &&
      previous?.score != null &&
      scored.score !== null &&
      questionnaireWorsening(instrument as QuestionnaireInstrument, previous.score, scored.score)
    ) {
      const threshold = QUESTIONNAIRE_WORSENING[instrument as QuestionnaireInstrument];
      await raiseAlert(tx, {
        episodeId: episode.id,
        reason: 'questionnaire-worsening',
        urgency: 'routine',
        message:
          instrument === 'PSFS'
            ? `The ${INSTRUMENT_NAMES.PSFS} average fell by ${threshold} points or more since the last questionnaire.`
            : `The ${INSTRUMENT_NAMES[instrument]} score rose by ${threshold} points or more since the last questionnaire.`,
        detail: { instrument, previous: previous.score, latest: scored.score, responseId },
        raisedAt: now,
      });
    }
    await recordOwnAction(tx, viewer, 'questionnaire.complete', { type: 'questionnaire_response', id: responseId }, { instrument });
    return { status: 'completed' as const, responseId };
  });
  if (result.status === 'not-found') {
    await recordDenied(viewer, 'questionnaire.complete', { type: 'questionnaire_response', id: submissionId });
  }
  return result;
}

export type QuestionnaireResult = {
  id: string;
  instrument: PatientInstrument;
  completedAt: Date;
  score: number | null;
  band: string | null;
  subscore: number | null;
  answers: Record<string, unknown>;
  previousScore: number | null;
  /** The episode's first completed score of this instrument, when this is a later one: the MCID's baseline. */
  baselineScore: number | null;
};

/** Patient: one of their own completed responses with the one before it. Anyone else's: null (audited). */
export async function getQuestionnaireResult(responseId: string): Promise<QuestionnaireResult | null> {
  const { viewer } = await getPatientContext();
  const db = getDb();
  const [row] = await db
    .select({
      id: questionnaireResponses.id,
      episodeId: questionnaireResponses.episodeId,
      instrument: questionnaireResponses.instrument,
      completedAt: questionnaireResponses.completedAt,
      score: questionnaireResponses.score,
      band: questionnaireResponses.band,
      subscore: questionnaireResponses.subscore,
      answers: questionnaireResponses.answers,
    })
    .from(questionnaireResponses)
    .innerJoin(episodes, eq(episodes.id, questionnaireResponses.episodeId))
    .where(
      and(
        eq(questionnaireResponses.id, responseId),
        eq(questionnaireResponses.status, 'completed'),
        eq(episodes.patientId, viewer.userId),
        eq(episodes.clinicId, viewer.clinicId),
        inArray(questionnaireResponses.instrument, [...PATIENT_INSTRUMENTS]),
      ),
    )
    .limit(1);
  if (!row || !row.completedAt) {
    await recordDenied(viewer, 'questionnaire.read', { type: 'questionnaire_response', id: responseId });
    return null;
  }
  const earlier = await db
    .select({ score: questionnaireResponses.score, completedAt: questionnaireResponses.completedAt })
    .from(questionnaireResponses)
    .where(
      and(
        responsesOf(row.episodeId, row.instrument, 'completed'),
        ne(questionnaireResponses.id, row.id),
      ),
    )
    .orderBy(desc(questionnaireResponses.completedAt));
  const before = earlier.find((response) => response.completedAt && response.completedAt < row.completedAt!);
  const first = earlier.filter((response) => response.completedAt && response.completedAt < row.completedAt!).at(-1);
  await recordOwnRead(viewer, 'questionnaire.read', { type: 'questionnaire_response', id: row.id });
  return {
    id: row.id,
    instrument: row.instrument as PatientInstrument,
    completedAt: row.completedAt,
    score: row.score,
    band: row.band,
    subscore: row.subscore,
    answers: row.answers,
    previousScore: before?.score ?? null,
    baselineScore: first?.score ?? null,
  };
}

