import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { clinics, episodes, questionnaireSchedules, users } from '@/db/schema';
import { INSTRUMENTS, type Instrument } from '@/lib/clinical/instruments';
import { localDay, personTimeZone, startOfDayIn } from '@/lib/time';
import type { QuestionnaireScheduleInput } from '@/lib/validation/questionnaire-schedule';
import { recordAudit } from '@/lib/audit/record';
import { auditBase, getOwnEpisode, loadEpisodeHeading, type ClinicianEpisodeAccess, type EpisodeHeading } from './internal/clinician-access';

export type ScheduleView = {
  instrument: Instrument;
  enabled: boolean;
  /** Weeks between questionnaires; null asks once (STarT Back by default). */
  intervalWeeks: number | null;
  /** A one-off request, as the patient's calendar day. */
  requestBy: string | null;
  /** No row yet: the default schedule applies (docs/CLINICAL.md, Questionnaire schedule). */
  isDefault: boolean;
};

export type EpisodeSchedules = { today: string; timeZone: string; episodeIntervalWeeks: number; active: boolean; schedules: ScheduleView[] };

async function patientZone(access: ClinicianEpisodeAccess): Promise<{ timeZone: string; intervalWeeks: number; status: 'active' | 'discharged' }> {
  const [row] = await getDb()
    .select({ own: users.timeZone, clinic: clinics.timeZone, intervalWeeks: episodes.questionnaireIntervalWeeks, status: episodes.status })
    .from(episodes)
    .innerJoin(users, eq(users.id, episodes.patientId))
    .innerJoin(clinics, eq(clinics.id, episodes.clinicId))
    .where(eq(episodes.id, access.episode.id))
    .limit(1);
  return { timeZone: personTimeZone(row!.own, row!.clinic), intervalWeeks: row!.intervalWeeks, status: row!.status };
}

/** Default schedules without a row (docs/CLINICAL.md, Questionnaire schedule): ODI and PSFS repeat, STarT Back once, RMDQ off. */
function defaultSchedule(instrument: Instrument, episodeIntervalWeeks: number): Omit<ScheduleView, 'instrument' | 'isDefault'> {
  if (instrument === 'RMDQ') return { enabled: false, intervalWeeks: null, requestBy: null };
  if (instrument === 'STARTBACK') return { enabled: true, intervalWeeks: null, requestBy: null };
  return { enabled: true, intervalWeeks: episodeIntervalWeeks, requestBy: null };
}

/** Clinician: the record heading and questionnaire schedule of an episode in their caseload, read audited. Others: null. */
export async function getQuestionnaireSchedule(episodeId: string): Promise<{ heading: EpisodeHeading; schedule: EpisodeSchedules } | null> {
  const access = await getOwnEpisode(episodeId, 'clinician.questionnaire-schedule.read');
  if (!access) return null;
  return { heading: await loadEpisodeHeading(access), schedule: await schedulesOf(access) };
}

async function schedulesOf(access: ClinicianEpisodeAccess): Promise<EpisodeSchedules> {
  const zone = await patientZone(access);
  const rows = await getDb().select().from(questionnaireSchedules).where(eq(questionnaireSchedules.episodeId, access.episode.id));
  await recordAudit(getDb(), { ...auditBase(access), action: 'clinician.questionnaire-schedule.read', outcome: 'success', resourceType: 'episode', resourceId: access.episode.id });
  return {
    today: localDay(new Date(), zone.timeZone),
    timeZone: zone.timeZone,
    episodeIntervalWeeks: zone.intervalWeeks,
    active: zone.status === 'active',
    schedules: INSTRUMENTS.map((instrument) => {
      const row = rows.find((candidate) => candidate.instrument === instrument);
      return row
        ? { instrument, enabled: row.enabled, intervalWeeks: row.intervalWeeks, requestBy: row.dueAt ? localDay(row.dueAt, zone.timeZone) : null, isDefault: false }
        : { instrument, ...defaultSchedule(instrument, zone.intervalWeeks), isDefault: true };
    }),
  };
}

/** The day the patient's "today" is, for validating a request date before calling updateQuestionnaireSchedule. */
export async function getScheduleToday(episodeId: string): Promise<string | null> {
  const access = await getOwnEpisode(episodeId, 'clinician.questionnaire-schedule.update');
  if (!access) return null;
  return localDay(new Date(), (await patientZone(access)).timeZone);
}

/**
 * Clinician: sets one questionnaire's schedule on their own active episode (switch on or off, interval, a
 * one-off request by a date in the patient's time zone), in one transaction with the audit row, which names
 * the instrument and the old and new settings. Others: 'not-found'; a discharged episode: 'not-active'.
 */
export async function updateQuestionnaireSchedule(
  episodeId: string,
  input: QuestionnaireScheduleInput,
): Promise<'updated' | 'not-found' | 'not-active'> {
  const access = await getOwnEpisode(episodeId, 'clinician.questionnaire-schedule.update');
  if (!access) return 'not-found';
  const zone = await patientZone(access);
  if (zone.status !== 'active') return 'not-active';
  const dueAt = input.requestBy ? startOfDayIn(input.requestBy, zone.timeZone) : null;
  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(questionnaireSchedules)
      .where(and(eq(questionnaireSchedules.episodeId, access.episode.id), eq(questionnaireSchedules.instrument, input.instrument)))
      .limit(1);
    const values = { enabled: input.enabled, intervalWeeks: input.intervalWeeks, dueAt };
    await tx
      .insert(questionnaireSchedules)
      .values({ episodeId: access.episode.id, instrument: input.instrument, ...values })
      .onConflictDoUpdate({ target: [questionnaireSchedules.episodeId, questionnaireSchedules.instrument], set: values });
    await recordAudit(tx, {
      ...auditBase(access),
      action: 'clinician.questionnaire-schedule.update',
      outcome: 'success',
      resourceType: 'episode',
      resourceId: access.episode.id,
      detail: {
        instrument: input.instrument,
        before: before
          ? { enabled: before.enabled, intervalWeeks: before.intervalWeeks, requestBy: before.dueAt ? localDay(before.dueAt, zone.timeZone) : null }
          : 'default',
        after: { enabled: input.enabled, intervalWeeks: input.intervalWeeks, requestBy: input.requestBy },
      },
    });
    return 'updated' as const;
  });
}
