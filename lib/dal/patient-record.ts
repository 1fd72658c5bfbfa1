import 'server-only';
import { sql } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { executeRows } from '@/db/rows';
import {
  alerts,
  clinics,
  episodes,
  exerciseLogs,
  exercises,
  measurements,
  messages,
  messageThreads,
  notes,
  painEntries,
  planItems,
  plans,
  questionnaireResponses,
  users,
} from '@/db/schema';
import type { PsfsActivity, PsfsChange } from '@/lib/clinical/psfs';
import { adherenceFraction } from '@/lib/clinical/adherence';
import { ageOn, odiMcidLevel } from '@/lib/clinical/record-figures';
import { formatMeasurement, MEASURE_CODES, ROM_MEASURES, type MeasureCode } from '@/lib/clinical/rom';
import { rollingAverage } from '@/lib/clinical/stats';
import { addDays, daysBetween, localDay, MS_PER_WEEK } from '@/lib/time';
import { personTimeZoneSql } from '@/lib/time/zone-sql';
import type { AlertItem } from './alerts';
import { recordAudit } from '@/lib/audit/record';
import { auditBase, getOwnEpisode, type ClinicianEpisodeAccess } from './internal/clinician-access';
import { getEscalationAccess } from './escalations';
import { loadQuestionnaireOutcomes, type RmdqOutcome } from './internal/questionnaire-outcomes';

export type RecordHeader = {
  episodeId: string;
  patientName: string;
  email: string;
  age: number | null;
  dateOfBirth: string | null;
  condition: string;
  startedAt: Date;
  weeksInCare: number;
  status: 'active' | 'discharged';
  dischargedAt: Date | null;
  intakeNprs: number;
  startbackRisk: 'low' | 'medium' | 'high' | null;
  /** Open alerts of the episode, red flags first, then by urgency, oldest first (as the inbox). */
  openAlerts: AlertItem[];
  timeZone: string;
  /** False until the patient has used their invitation link. */
  accountActivated: boolean;
};

export type PainDay = { day: string; score: number; average: number };
export type OdiPoint = { day: string; score: number; band: string | null };
export type RomPoint = { day: string; value: number; method: string | null };
export type AdherenceWeek = { week: number; startDay: string; logged: number; prescribed: number; percent: number | null };

export type TimelineEvent = {
  at: Date;
  kind: 'pain' | 'exercise' | 'questionnaire' | 'measurement' | 'plan' | 'note' | 'alert' | 'message';
  title: string;
  detail: string | null;
};

export type PatientRecord = {
  header: RecordHeader;
  pain: PainDay[];
  odi: { points: OdiPoint[]; baseline: number | null; mcidLevel: number | null };
  /** Roland-Morris by the patient's day, with the change from the first score against its meaningful-change rule. */
  rmdq: { points: { day: string; score: number }[]; mcidLevel: number | null; change: RmdqOutcome['change'] };
  /** Each PSFS response with every activity's rating, and the change in the mean and per activity. */
  psfs: { responses: { day: string; score: number; activities: PsfsActivity[] }[]; change: PsfsChange | null };
  rom: Record<MeasureCode, RomPoint[]>;
  adherence: AdherenceWeek[];
  timeline: TimelineEvent[];
};

/** The record's charts: everything but the header and the timeline. */
export type RecordTrends = Omit<PatientRecord, 'header' | 'timeline'>;

const TIMELINE_LIMIT = 60;

type Stamp = string | Date;
type Head = {
  patientName: string;
  email: string;
  dateOfBirth: string | null;
  timeZone: string;
  condition: string;
  startedAt: Stamp;
  status: 'active' | 'discharged';
  dischargedAt: Stamp | null;
  intakeNprs: number;
  hasPassword: boolean;
  startDay: string;
  endDay: string;
};
type HeaderRow = {
  head: Head | null;
  startback: string | null;
  open_alerts: { id: string; reason: AlertItem['reason']; urgency: AlertItem['urgency']; message: string; detail: Record<string, unknown>; raisedAt: Stamp }[];
};
type TrendsRow = {
  head: Pick<Head, 'timeZone' | 'startDay' | 'endDay'> | null;
  pain_days: { day: string; score: number }[];
  odi: { completedAt: Stamp; score: number | null; band: string | null }[];
  rom: { code: string; value: number; method: string | null; measuredAt: Stamp }[];
  logged_weeks: { week: number; n: number }[];
  versions: { createdAt: Stamp; perWeek: number }[];
};
type TimelineRow = {
  t_pain: { at: Stamp; score: number; note: string | null; belowKnee: boolean }[];
  t_logs: { at: Stamp; status: string; skipReason: string | null; name: string; painDuring: number | null }[];
  t_responses: { at: Stamp; instrument: string; score: number | null; band: string | null }[];
  t_measured: { at: Stamp; code: string; value: number; unit: string; supersededAt: Stamp | null; deletedAt: Stamp | null }[];
  t_plans: { at: Stamp; version: number; note: string | null }[];
  t_notes: { at: Stamp; assessment: string | null; amendsId: string | null }[];
  t_alerts: { at: Stamp; message: string; reason: string }[];
  t_messages: { at: Stamp; fromPatient: boolean; author: string; body: string }[];
};

const asDate = (value: Stamp) => (value instanceof Date ? value : new Date(value));

/**
 * The record in three statements, one per panel of the page (header, trends, timeline), so the page
 * shows the header while the rest is read. Each part is a JSON sub-select served by the episode's
 * indexes. Days are the patient's (personTimeZone: their own zone, else their clinic's).
 */
function spanCte(id: string, now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql`with ep as (
    select e.id, e.condition, e.started_at, e.status, e.discharged_at, e.intake_nprs,
           u.name, u.email, u.date_of_birth::text as date_of_birth, u.password_hash is not null as has_password,
           ${personTimeZoneSql(sql`u.time_zone`, sql`c.time_zone`)} as tz
    from ${episodes} e join ${users} u on u.id = e.patient_id join ${clinics} c on c.id = e.clinic_id
    where e.id = ${id}
  ), span as (
    select ep.*, (ep.started_at at time zone ep.tz)::date as start_day,
           (case when ep.status = 'discharged' and ep.discharged_at is not null then ep.discharged_at else ${at} end at time zone ep.tz)::date as end_day
    from ep
  )`;
}

function headerQuery(id: string, now: Date) {
  return sql`${spanCte(id, now)}
  select
    (select json_build_object('patientName', name, 'email', email, 'dateOfBirth', date_of_birth, 'timeZone', tz,
       'condition', condition, 'startedAt', started_at, 'status', status, 'dischargedAt', discharged_at,
       'intakeNprs', intake_nprs, 'hasPassword', has_password, 'startDay', start_day::text, 'endDay', end_day::text) from span) as head,
    (select q.band from ${questionnaireResponses} q where q.episode_id = ${id} and q.instrument = 'STARTBACK' and q.status = 'completed'
       order by q.completed_at desc limit 1) as startback,
    coalesce((select json_agg(json_build_object('id', a.id, 'reason', a.reason, 'urgency', a.urgency, 'message', a.message,
       'detail', a.detail, 'raisedAt', a.raised_at) order by (a.reason = 'red-flag') desc,
       case a.urgency when 'emergency' then 1 when 'same-day' then 2 when '24h' then 3 else 4 end, a.raised_at)
       from ${alerts} a where a.episode_id = ${id} and a.acknowledged_at is null and a.resolved_at is null), '[]') as open_alerts`;
}

function trendsQuery(id: string, now: Date) {
  return sql`${spanCte(id, now)}
  select
    (select json_build_object('timeZone', tz, 'startDay', start_day::text, 'endDay', end_day::text) from span) as head,
    coalesce((select json_agg(json_build_object('day', d.day, 'score', d.score) order by d.day) from (
       select local_day::text as day, max(score)::int as score from ${painEntries} where episode_id = ${id} group by local_day) d), '[]') as pain_days,
    coalesce((select json_agg(json_build_object('completedAt', q.completed_at, 'score', q.score, 'band', q.band) order by q.completed_at)
       from ${questionnaireResponses} q where q.episode_id = ${id} and q.instrument = 'ODI' and q.status = 'completed'), '[]') as odi,
    coalesce((select json_agg(json_build_object('code', m.code, 'value', m.value, 'method', m.method, 'measuredAt', m.measured_at) order by m.measured_at)
       from ${measurements} m where m.episode_id = ${id} and m.superseded_at is null and m.deleted_at is null), '[]') as rom,
    coalesce((select json_agg(json_build_object('week', w.week, 'n', w.n)) from (
       select floor((x.local_day - (select start_day from span)) / 7.0)::int as week, count(*)::int as n
       from ${exerciseLogs} x where x.episode_id = ${id} and x.status <> 'skipped' group by 1) w), '[]') as logged_weeks,
    coalesce((select json_agg(json_build_object('createdAt', v.created_at, 'perWeek', v.per_week) order by v.created_at) from (
       select p.created_at, p.sessions_per_week as per_week from ${plans} p where p.episode_id = ${id}) v), '[]') as versions`;
}

function timelineQuery(id: string) {
  const limit = TIMELINE_LIMIT;
  return sql`select
    coalesce((select json_agg(json_build_object('at', t.recorded_at, 'score', t.score, 'note', t.note, 'belowKnee', t.below_knee)) from (
       select recorded_at, score, note, below_knee from ${painEntries} where episode_id = ${id} order by recorded_at desc limit ${limit}) t), '[]') as t_pain,
    coalesce((select json_agg(json_build_object('at', t.logged_at, 'status', t.status, 'skipReason', t.skip_reason, 'name', t.name, 'painDuring', t.pain_during)) from (
       select x.logged_at, x.status, x.skip_reason, ex.name, x.pain_during from ${exerciseLogs} x
       join ${planItems} pi on pi.id = x.plan_item_id join ${exercises} ex on ex.id = pi.exercise_id
       where x.episode_id = ${id} order by x.logged_at desc limit ${limit}) t), '[]') as t_logs,
    coalesce((select json_agg(json_build_object('at', t.completed_at, 'instrument', t.instrument, 'score', t.score, 'band', t.band)) from (
       select completed_at, instrument, score, band from ${questionnaireResponses}
       where episode_id = ${id} and status = 'completed' order by completed_at desc limit ${limit}) t), '[]') as t_responses,
    coalesce((select json_agg(json_build_object('at', t.measured_at, 'code', t.code, 'value', t.value, 'unit', t.unit,
       'supersededAt', t.superseded_at, 'deletedAt', t.deleted_at)) from (
       select measured_at, code, value, unit, superseded_at, deleted_at from ${measurements}
       where episode_id = ${id} order by measured_at desc limit ${limit * 8}) t), '[]') as t_measured,
    coalesce((select json_agg(json_build_object('at', t.created_at, 'version', t.version, 'note', t.note)) from (
       select created_at, version, note from ${plans} where episode_id = ${id} order by version desc limit ${limit}) t), '[]') as t_plans,
    coalesce((select json_agg(json_build_object('at', t.created_at, 'assessment', t.assessment, 'amendsId', t.amends_id)) from (
       select created_at, assessment, amends_id from ${notes} where episode_id = ${id} order by created_at desc limit ${limit}) t), '[]') as t_notes,
    coalesce((select json_agg(json_build_object('at', t.raised_at, 'message', t.message, 'reason', t.reason)) from (
       select raised_at, message, reason from ${alerts} where episode_id = ${id} order by raised_at desc limit ${limit}) t), '[]') as t_alerts,
    coalesce((select json_agg(json_build_object('at', t.created_at, 'fromPatient', t.author_role = 'patient', 'author', t.author, 'body', t.body)) from (
       select m.created_at, m.author_role, au.name as author, m.body from ${messages} m join ${messageThreads} mt on mt.id = m.thread_id
       join ${users} au on au.id = m.author_id where mt.episode_id = ${id} order by m.created_at desc limit ${limit}) t), '[]') as t_messages`;
}

/**
 * Who may read the record, decided and audited once per request (React cache): the page's three panels
 * each ask, and one view is one audit row. A clinician of the episode (own or covered): 'clinician.record.read';
 * the acting safety lead with an escalated alert: 'clinician.record.escalation-read'. Anyone else: null,
 * with the refusal audited by the access check.
 */
const recordAccess = cache(async (episodeId: string, escalatedAlertId: string | null): Promise<ClinicianEpisodeAccess | null> => {
  const access = escalatedAlertId
    ? await getEscalationAccess(episodeId, escalatedAlertId)
    : await getOwnEpisode(episodeId, 'clinician.record.read');
  if (!access) return null;
  await recordAudit(getDb(), {
    ...auditBase(access),
    action: escalatedAlertId ? 'clinician.record.escalation-read' : 'clinician.record.read',
    outcome: 'success',
    resourceType: 'episode',
    resourceId: access.episode.id,
    ...(escalatedAlertId ? { detail: { alertId: escalatedAlertId } } : {}),
  });
  return access;
});

async function loadHeader(access: ClinicianEpisodeAccess, now: Date): Promise<RecordHeader> {
  const id = access.episode.id;
  const [row] = await executeRows<HeaderRow>(getDb(), headerQuery(id, now));
  const head = row!.head!;
  const startedAt = asDate(head.startedAt);
  return {
    episodeId: id,
    patientName: head.patientName,
    email: head.email,
    age: ageOn(head.dateOfBirth, localDay(now, head.timeZone)),
    dateOfBirth: head.dateOfBirth,
    condition: head.condition,
    startedAt,
    weeksInCare: Math.floor((now.getTime() - startedAt.getTime()) / MS_PER_WEEK),
    status: head.status,
    dischargedAt: head.dischargedAt === null ? null : asDate(head.dischargedAt),
    intakeNprs: head.intakeNprs,
    startbackRisk: (row!.startback as RecordHeader['startbackRisk']) ?? null,
    openAlerts: row!.open_alerts.map((alert) => ({
      id: alert.id,
      episodeId: id,
      patientId: access.episode.patientId,
      patientName: head.patientName,
      reason: alert.reason,
      urgency: alert.urgency,
      message: alert.message,
      detail: alert.detail,
      raisedAt: asDate(alert.raisedAt),
      acknowledgedAt: null,
      acknowledgedByName: null,
      acknowledgeComment: null,
      resolvedAt: null,
    })),
    timeZone: head.timeZone,
    accountActivated: head.hasPassword,
  };
}

async function loadTrends(access: ClinicianEpisodeAccess, now: Date): Promise<RecordTrends> {
  const id = access.episode.id;
  const [[row], outcomes] = await Promise.all([executeRows<TrendsRow>(getDb(), trendsQuery(id, now)), loadQuestionnaireOutcomes(id)]);
  const { timeZone, startDay, endDay } = row!.head!;
  const averages = new Map(rollingAverage(row!.pain_days, 7).map((point) => [point.day, point.average]));
  const odiPoints = row!.odi
    .filter((response) => response.score !== null)
    .map((response) => ({ day: localDay(asDate(response.completedAt), timeZone), score: Math.round(response.score! * 10) / 10, band: response.band }));
  const odiBaseline = odiPoints[0]?.score ?? null;
  const rom = Object.fromEntries(MEASURE_CODES.map((code) => [code, [] as RomPoint[]])) as Record<MeasureCode, RomPoint[]>;
  for (const measured of row!.rom) {
    rom[measured.code as MeasureCode]?.push({ day: localDay(asDate(measured.measuredAt), timeZone), value: measured.value, method: measured.method });
  }
  return {
    pain: row!.pain_days.map((point) => ({ ...point, average: Math.round((averages.get(point.day) ?? point.score) * 10) / 10 })),
    odi: { points: odiPoints, baseline: odiBaseline, mcidLevel: odiBaseline === null ? null : odiMcidLevel(odiBaseline) },
    rmdq: {
      points: outcomes.rmdq.points.map((point) => ({ day: localDay(point.completedAt, timeZone), score: point.score })),
      mcidLevel: outcomes.rmdq.mcidLevel,
      change: outcomes.rmdq.change,
    },
    psfs: {
      responses: outcomes.psfs.responses.map((response) => ({ day: localDay(response.completedAt, timeZone), score: response.score, activities: response.activities })),
      change: outcomes.psfs.change,
    },
    rom,
    adherence: weeklyAdherence(row!.logged_weeks, row!.versions, startDay, endDay),
  };
}

async function loadTimeline(access: ClinicianEpisodeAccess): Promise<TimelineEvent[]> {
  const [row] = await executeRows<TimelineRow>(getDb(), timelineQuery(access.episode.id));
  return timelineEvents(row!);
}

/**
 * Clinician: the header of the record of an episode they are responsible for (their own, or covered while
 * its clinician is away): who the patient is, the episode and its open alerts. With `escalatedAlertId`: the
 * clinic's acting safety lead, for that open, escalated alert on the episode. Anyone else or an unknown id:
 * null (refusal audited). Other roles: AppError('forbidden'). One audit row per view (see recordAccess).
 */
export async function getRecordHeader(episodeId: string, escalatedAlertId: string | null = null, now = new Date()): Promise<RecordHeader | null> {
  const access = await recordAccess(episodeId, escalatedAlertId);
  return access && loadHeader(access, now);
}

/** The record's charts (pain, questionnaires, adherence, range of motion); who may see them as getRecordHeader. */
export async function getRecordTrends(episodeId: string, escalatedAlertId: string | null = null, now = new Date()): Promise<RecordTrends | null> {
  const access = await recordAccess(episodeId, escalatedAlertId);
  return access && loadTrends(access, now);
}

/** The record's latest events, newest first; who may see them as getRecordHeader. */
export async function getRecordTimeline(episodeId: string, escalatedAlertId: string | null = null): Promise<TimelineEvent[] | null> {
  const access = await recordAccess(episodeId, escalatedAlertId);
  return access && loadTimeline(access);
}

/**
 * The whole record at once (header, trends and timeline), for callers that need all of it; who may see it
 * as getRecordHeader, with one audit row per call.
 */
export async function getPatientRecord(episodeId: string, now = new Date(), escalatedAlertId: string | null = null): Promise<PatientRecord | null> {
  const access = await recordAccess(episodeId, escalatedAlertId);
  if (!access) return null;
  const [header, trends, timeline] = await Promise.all([loadHeader(access, now), loadTrends(access, now), loadTimeline(access)]);
  return { header, ...trends, timeline };
}

/** Sessions logged (done or partial) per week of care against the plan version in force at the start of that week. */
function weeklyAdherence(logged: TrendsRow['logged_weeks'], versions: TrendsRow['versions'], startDay: string, endDay: string): AdherenceWeek[] {
  const loggedByWeek = new Map(logged.map((entry) => [entry.week, entry.n]));
  const weeks: AdherenceWeek[] = [];
  const totalWeeks = Math.floor(daysBetween(startDay, endDay) / 7);
  for (let week = 0; week < totalWeeks; week += 1) {
    const weekStart = addDays(startDay, week * 7);
    const weekEnd = new Date(`${addDays(weekStart, 7)}T00:00:00Z`);
    const version = [...versions].reverse().find((candidate) => asDate(candidate.createdAt) < weekEnd);
    const prescribed = version?.perWeek ?? 0;
    const count = loggedByWeek.get(week) ?? 0;
    weeks.push({
      week: week + 1,
      startDay: weekStart,
      logged: count,
      prescribed,
      percent: prescribed > 0 ? Math.round(100 * adherenceFraction(count, prescribed)!) : null,
    });
  }
  return weeks;
}

const SKIP_LABELS: Record<string, string> = {
  pain: 'pain',
  'no-time': 'no time',
  unclear: 'instructions unclear',
  'no-equipment': 'no equipment',
  other: 'other reason',
};

function timelineEvents(row: TimelineRow): TimelineEvent[] {
  const events: TimelineEvent[] = [
    ...row.t_pain.map((entry) => ({
      at: asDate(entry.at),
      kind: 'pain' as const,
      title: `Pain ${entry.score}/10${entry.belowKnee ? ', below the knee' : ''}`,
      detail: entry.note,
    })),
    ...row.t_logs.map((entry) => ({
      at: asDate(entry.at),
      kind: 'exercise' as const,
      title:
        entry.status === 'skipped'
          ? `Skipped ${entry.name}${entry.skipReason ? ` (${SKIP_LABELS[entry.skipReason] ?? entry.skipReason})` : ''}`
          : `${entry.status === 'partial' ? 'Partly did' : 'Did'} ${entry.name}`,
      detail: entry.painDuring === null ? null : `Pain during ${entry.painDuring}/10`,
    })),
    ...row.t_responses.map((entry) => ({
      at: asDate(entry.at),
      kind: 'questionnaire' as const,
      title: `${entry.instrument} completed${entry.score === null ? '' : `: ${Math.round(entry.score * 10) / 10}`}`,
      detail: entry.band,
    })),
    ...measurementSessions(row.t_measured.map((entry) => ({
      at: asDate(entry.at),
      code: entry.code,
      value: entry.value,
      unit: entry.unit,
      supersededAt: entry.supersededAt === null ? null : asDate(entry.supersededAt),
      deletedAt: entry.deletedAt === null ? null : asDate(entry.deletedAt),
    }))),
    ...row.t_plans.map((entry) => ({ at: asDate(entry.at), kind: 'plan' as const, title: `Plan version ${entry.version} saved`, detail: entry.note })),
    ...row.t_notes.map((entry) => ({ at: asDate(entry.at), kind: 'note' as const, title: entry.amendsId ? 'Note amended' : 'Note added', detail: entry.assessment || null })),
    ...row.t_alerts.map((entry) => ({ at: asDate(entry.at), kind: 'alert' as const, title: `Alert: ${entry.reason.replaceAll('-', ' ')}`, detail: entry.message })),
    ...row.t_messages.map((entry) => ({
      at: asDate(entry.at),
      kind: 'message' as const,
      title: entry.fromPatient ? 'Message from the patient' : `Message from ${entry.author}`,
      detail: entry.body,
    })),
  ];
  return events.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, TIMELINE_LIMIT);
}

/** One timeline event per measuring session: the current values, with corrected or deleted ones counted. */
function measurementSessions(
  rows: { at: Date; code: string; value: number; unit: string; supersededAt: Date | null; deletedAt: Date | null }[],
): TimelineEvent[] {
  const sessions = new Map<number, typeof rows>();
  for (const row of rows) sessions.set(row.at.getTime(), [...(sessions.get(row.at.getTime()) ?? []), row]);
  return [...sessions.values()].map((session) => {
    const current = session.filter((row) => !row.supersededAt && !row.deletedAt);
    const changed = session.length - current.length;
    return {
      at: session[0]!.at,
      kind: 'measurement' as const,
      title: `Range of motion: ${current
        .map((row) => `${ROM_MEASURES[row.code as MeasureCode]?.shortLabel ?? row.code} ${formatMeasurement(row.value, row.unit as 'deg' | 'cm')}`)
        .join(', ') || 'all values deleted'}`,
      detail: changed > 0 ? `${changed} earlier value${changed === 1 ? '' : 's'} corrected or deleted (see Measurements)` : null,
    };
  });
}
