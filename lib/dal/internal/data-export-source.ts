import 'server-only';
import { and, asc, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  alerts,
  appointments,
  clinics,
  episodes,
  messages,
  messageThreads,
  exerciseLogs,
  exercises,
  goals,
  measurements,
  painEntries,
  planItems,
  plans,
  questionnaireResponses,
  users,
} from '@/db/schema';
import { patientBundle, practitionerIds } from '@/lib/fhir/bundle';
import type { AppointmentSource, MessageSource } from '@/lib/fhir/patient-files';
import type { BatchPart } from '@/lib/fhir/episode-resources';
import type {
  ClinicSource,
  EpisodeBatch,
  EpisodeSource,
  ExerciseLogSource,
  GoalSource,
  MeasurementSource,
  PainSource,
  PersonSource,
  PlanSource,
  RedFlagSource,
  ResponseSource,
} from '@/lib/fhir/source';
import { exerciseLogEntryColumns, painEntryColumns } from './diary-columns';
import { dosageColumns } from './plan-columns';

/*
 * Unscoped readers of the rows a FHIR export is built from. Every caller has already decided who may see
 * which episodes (lib/dal/data-export.ts for one patient, lib/dal/data-export-clinic.ts for a clinic);
 * these functions only read what they are given the ids of.
 */

const episodeColumns = {
  id: episodes.id,
  clinicId: episodes.clinicId,
  patientId: episodes.patientId,
  clinicianId: episodes.clinicianId,
  condition: episodes.condition,
  startedAt: episodes.startedAt,
  status: episodes.status,
  dischargedAt: episodes.dischargedAt,
  intakeNprs: episodes.intakeNprs,
};

const personColumns = {
  id: users.id,
  clinicId: users.clinicId,
  name: users.name,
  email: users.email,
  role: users.role,
  dateOfBirth: users.dateOfBirth,
  active: users.active,
};

export async function readClinic(db: Db, clinicId: string): Promise<ClinicSource | null> {
  const [row] = await db
    .select({ id: clinics.id, name: clinics.name, contactPhone: clinics.contactPhone, contactEmail: clinics.contactEmail, contactAddress: clinics.contactAddress })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  return row ?? null;
}

export async function readPeople(db: Db, ids: readonly string[]): Promise<PersonSource[]> {
  if (ids.length === 0) return [];
  return db.select(personColumns).from(users).where(inArray(users.id, [...ids])).orderBy(asc(users.id));
}

/** One page of a clinic's users of some roles, in id order after `afterId` (keyset paging). */
export async function readPeoplePage(db: Db, clinicId: string, roles: PersonSource['role'][], afterId: string | null, limit: number): Promise<PersonSource[]> {
  return db
    .select(personColumns)
    .from(users)
    .where(and(eq(users.clinicId, clinicId), inArray(users.role, roles), afterId ? gt(users.id, afterId) : undefined))
    .orderBy(asc(users.id))
    .limit(limit);
}

export async function readEpisodesByIds(db: Db, ids: readonly string[]): Promise<EpisodeSource[]> {
  if (ids.length === 0) return [];
  return db.select(episodeColumns).from(episodes).where(inArray(episodes.id, [...ids])).orderBy(asc(episodes.startedAt));
}

export async function readEpisodesOfPatient(db: Db, patientId: string): Promise<EpisodeSource[]> {
  return db.select(episodeColumns).from(episodes).where(eq(episodes.patientId, patientId)).orderBy(asc(episodes.startedAt));
}

/** One page of a clinic's episodes in id order after `afterId` (keyset paging). */
export async function readEpisodePage(db: Db, clinicId: string, afterId: string | null, limit: number): Promise<EpisodeSource[]> {
  return db
    .select(episodeColumns)
    .from(episodes)
    .where(and(eq(episodes.clinicId, clinicId), afterId ? gt(episodes.id, afterId) : undefined))
    .orderBy(asc(episodes.id))
    .limit(limit);
}

/** The plan version in use for each episode (its highest version), with its items in order. */
async function readPlans(db: Db, episodeIds: string[]): Promise<PlanSource[]> {
  const current = await db
    .selectDistinctOn([plans.episodeId], { id: plans.id, episodeId: plans.episodeId, version: plans.version, createdBy: plans.createdBy, createdAt: plans.createdAt, note: plans.note })
    .from(plans)
    .where(inArray(plans.episodeId, episodeIds))
    .orderBy(plans.episodeId, desc(plans.version));
  if (current.length === 0) return [];
  const items = await db
    .select({
      planId: planItems.planId,
      id: planItems.id,
      position: planItems.position,
      exerciseName: exercises.name,
      safetyNote: exercises.safetyNote,
      instructionsNote: planItems.instructionsNote,
      ...dosageColumns,
    })
    .from(planItems)
    .innerJoin(exercises, eq(exercises.id, planItems.exerciseId))
    .where(inArray(planItems.planId, current.map((plan) => plan.id)))
    .orderBy(planItems.planId, planItems.position);
  const byPlan = new Map<string, PlanSource['items']>();
  for (const { planId, ...item } of items) {
    const list = byPlan.get(planId) ?? [];
    list.push(item);
    byPlan.set(planId, list);
  }
  return current.map((plan) => ({ ...plan, items: byPlan.get(plan.id) ?? [] }));
}

async function readGoals(db: Db, episodeIds: string[]): Promise<GoalSource[]> {
  return db
    .select({
      id: goals.id,
      episodeId: goals.episodeId,
      description: goals.description,
      measureCode: goals.measureCode,
      targetValue: goals.targetValue,
      targetDate: goals.targetDate,
      status: goals.status,
      createdBy: goals.createdBy,
      createdAt: goals.createdAt,
    })
    .from(goals)
    .where(inArray(goals.episodeId, episodeIds))
    .orderBy(goals.episodeId, goals.createdAt);
}

async function readPain(db: Db, episodeIds: string[]): Promise<PainSource[]> {
  return db
    .select({ ...painEntryColumns, episodeId: painEntries.episodeId })
    .from(painEntries)
    .where(inArray(painEntries.episodeId, episodeIds))
    .orderBy(painEntries.episodeId, painEntries.recordedAt);
}

async function readMeasurements(db: Db, episodeIds: string[]): Promise<MeasurementSource[]> {
  return db
    .select({
      id: measurements.id,
      episodeId: measurements.episodeId,
      clinicianId: measurements.clinicianId,
      code: measurements.code,
      value: measurements.value,
      unit: measurements.unit,
      method: measurements.method,
      measuredAt: measurements.measuredAt,
      supersedesId: measurements.supersedesId,
    })
    .from(measurements)
    .where(and(inArray(measurements.episodeId, episodeIds), isNull(measurements.supersededAt), isNull(measurements.deletedAt)))
    .orderBy(measurements.episodeId, measurements.measuredAt);
}

async function readResponses(db: Db, episodeIds: string[]): Promise<ResponseSource[]> {
  const rows = await db
    .select({
      id: questionnaireResponses.id,
      episodeId: questionnaireResponses.episodeId,
      instrument: questionnaireResponses.instrument,
      answers: questionnaireResponses.answers,
      score: questionnaireResponses.score,
      band: questionnaireResponses.band,
      subscore: questionnaireResponses.subscore,
      completedAt: questionnaireResponses.completedAt,
    })
    .from(questionnaireResponses)
    .where(and(inArray(questionnaireResponses.episodeId, episodeIds), eq(questionnaireResponses.status, 'completed')))
    .orderBy(questionnaireResponses.episodeId, questionnaireResponses.completedAt);
  return rows.map((row) => ({ ...row, completedAt: row.completedAt! }));
}

async function readRedFlags(db: Db, episodeIds: string[]): Promise<RedFlagSource[]> {
  const rows = await db
    .select({
      id: alerts.id,
      episodeId: alerts.episodeId,
      message: alerts.message,
      detail: alerts.detail,
      raisedAt: alerts.raisedAt,
      acknowledgedAt: alerts.acknowledgedAt,
    })
    .from(alerts)
    .where(and(inArray(alerts.episodeId, episodeIds), eq(alerts.reason, 'red-flag')))
    .orderBy(alerts.episodeId, alerts.raisedAt);
  return rows.map(({ detail, ...row }) => {
    const positives = Array.isArray(detail.positives) ? detail.positives.filter((key): key is string => typeof key === 'string') : [];
    return { ...row, positives };
  });
}

const READERS: { [K in BatchPart]: (db: Db, episodeIds: string[]) => Promise<EpisodeBatch[K]> } = {
  plans: readPlans,
  goals: readGoals,
  pain: readPain,
  measurements: readMeasurements,
  responses: readResponses,
  redFlags: readRedFlags,
};

const ALL_PARTS = Object.keys(READERS) as BatchPart[];

/** The rows of `parts` (all of them by default) for these episodes; parts not asked for are empty. */
export async function readEpisodeBatch(db: Db, episodes: EpisodeSource[], parts: readonly BatchPart[] = ALL_PARTS): Promise<EpisodeBatch> {
  const batch: EpisodeBatch = { episodes, plans: [], goals: [], pain: [], measurements: [], responses: [], redFlags: [] };
  if (episodes.length === 0) return batch;
  const ids = episodes.map((episode) => episode.id);
  for (const part of parts) {
    (batch as Record<BatchPart, unknown>)[part] = await READERS[part](db, ids);
  }
  return batch;
}

/** Exercise sessions the patient logged, for their own CSV (not part of the FHIR record). */
export async function readExerciseLogs(db: Db, episodeIds: string[]): Promise<ExerciseLogSource[]> {
  if (episodeIds.length === 0) return [];
  return db
    .select({ ...exerciseLogEntryColumns, episodeId: exerciseLogs.episodeId, exerciseName: exercises.name, localDay: exerciseLogs.localDay })
    .from(exerciseLogs)
    .innerJoin(planItems, eq(planItems.id, exerciseLogs.planItemId))
    .innerJoin(exercises, eq(exercises.id, planItems.exerciseId))
    .where(inArray(exerciseLogs.episodeId, episodeIds))
    .orderBy(exerciseLogs.loggedAt);
}

/**
 * Unscoped: the Bundle of `patientId` (their episodes `episodeIds`, or all of them). Callers decide first who
 * may see it; the patient's own download, a clinician's export and the whole-clinic validation tests use it.
 */
export async function readPatientBundle(db: Db, patientId: string, clinicId: string, episodeIds: string[] | null, generatedAt: Date) {
  const [clinic, [patient], episodes] = await Promise.all([
    readClinic(db, clinicId),
    readPeople(db, [patientId]),
    episodeIds ? readEpisodesByIds(db, episodeIds) : readEpisodesOfPatient(db, patientId),
  ]);
  if (!clinic || !patient) throw new Error('export source missing');
  const batch = await readEpisodeBatch(db, episodes);
  const practitioners = await readPeople(db, practitionerIds(batch));
  const input = { clinic, patient, practitioners, batch, generatedAt };
  return { input, bundle: patientBundle(input) };
}

/** The messages of these episodes' conversations, oldest first, with who wrote each. */
export async function readMessages(db: Db, episodeIds: string[]): Promise<MessageSource[]> {
  if (episodeIds.length === 0) return [];
  const rows = await db
    .select({ sentAt: messages.createdAt, authorName: users.name, authorRole: messages.authorRole, kind: messages.kind, body: messages.body })
    .from(messages)
    .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
    .innerJoin(users, eq(users.id, messages.authorId))
    .where(inArray(messageThreads.episodeId, episodeIds))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  return rows.map(({ authorRole, ...row }) => ({ ...row, fromPatient: authorRole === 'patient' }));
}

/** The visits of these episodes, oldest first, with whom. */
export async function readAppointments(db: Db, episodeIds: string[]): Promise<AppointmentSource[]> {
  if (episodeIds.length === 0) return [];
  return db
    .select({
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      kind: appointments.kind,
      clinicianName: users.name,
      location: appointments.location,
      status: appointments.status,
      attendance: appointments.attendance,
    })
    .from(appointments)
    .innerJoin(users, eq(users.id, appointments.clinicianId))
    .where(inArray(appointments.episodeId, episodeIds))
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
}
