import 'server-only';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { executeRows } from '@/db/rows';
import {
  alerts,
  episodes,
  exerciseLogs,
  exercises,
  measurements,
  notes,
  painEntries,
  planItems,
  plans,
  questionnaireResponses,
  users,
} from '@/db/schema';
import { ageOn, odiMcidLevel } from '@/lib/clinical/record-figures';
import { formatMeasurement, MEASURE_CODES, ROM_MEASURES, type MeasureCode } from '@/lib/clinical/rom';
import { rollingAverage } from '@/lib/clinical/stats';
import { addDays, daysBetween, localDay } from '@/lib/time';
import { recordAudit } from './audit';
import { auditBase, getOwnEpisode } from './clinician-access';

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
  openAlerts: { id: string; reason: string; message: string }[];
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
  kind: 'pain' | 'exercise' | 'questionnaire' | 'measurement' | 'plan' | 'note' | 'alert';
  title: string;
  detail: string | null;
};

export type PatientRecord = {
  header: RecordHeader;
  pain: PainDay[];
  odi: { points: OdiPoint[]; baseline: number | null; mcidLevel: number | null };
  rom: Record<MeasureCode, RomPoint[]>;
  adherence: AdherenceWeek[];
  timeline: TimelineEvent[];
};

const TIMELINE_LIMIT = 60;

/**
 * Clinician: the whole record of an episode in their own caseload, with one audit row per view.
 * Another clinician's episode or an unknown id: null (refusal audited). Other roles: AppError('forbidden').
 */
export async function getPatientRecord(episodeId: string, now = new Date()): Promise<PatientRecord | null> {
  const access = await getOwnEpisode(episodeId, 'clinician.record.read');
  if (!access) return null;
  const db = getDb();
  const id = access.episode.id;

  const [head] = await db
    .select({
      patientName: users.name,
      email: users.email,
      dateOfBirth: users.dateOfBirth,
      timeZone: users.timeZone,
      condition: episodes.condition,
      startedAt: episodes.startedAt,
      status: episodes.status,
      dischargedAt: episodes.dischargedAt,
      intakeNprs: episodes.intakeNprs,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
    })
    .from(episodes)
    .innerJoin(users, eq(users.id, episodes.patientId))
    .where(eq(episodes.id, id));
  const timeZone = head!.timeZone ?? access.viewer.timeZone;
  const today = localDay(now, timeZone);
  const [startback] = await db
    .select({ band: questionnaireResponses.band })
    .from(questionnaireResponses)
    .where(and(eq(questionnaireResponses.episodeId, id), eq(questionnaireResponses.instrument, 'STARTBACK'), eq(questionnaireResponses.status, 'completed')))
    .orderBy(desc(questionnaireResponses.completedAt))
    .limit(1);
  const openAlerts = await db
    .select({ id: alerts.id, reason: alerts.reason, message: alerts.message })
    .from(alerts)
    .where(and(eq(alerts.episodeId, id), isNull(alerts.acknowledgedAt), isNull(alerts.resolvedAt)))
    .orderBy(sql`(${alerts.reason} = 'red-flag') desc`, alerts.raisedAt);

  const dailyPain = await executeRows<{ day: string; score: number }>(
    db,
    sql`select local_day::text as day, max(score)::int as score from ${painEntries}
        where episode_id = ${id} group by local_day order by local_day`,
  );
  const averages = new Map(rollingAverage(dailyPain, 7).map((point) => [point.day, point.average]));
  const pain = dailyPain.map((point) => ({ ...point, average: Math.round((averages.get(point.day) ?? point.score) * 10) / 10 }));

  const odiRows = await db
    .select({ completedAt: questionnaireResponses.completedAt, score: questionnaireResponses.score, band: questionnaireResponses.band })
    .from(questionnaireResponses)
    .where(and(eq(questionnaireResponses.episodeId, id), eq(questionnaireResponses.instrument, 'ODI'), eq(questionnaireResponses.status, 'completed')))
    .orderBy(asc(questionnaireResponses.completedAt));
  const odiPoints = odiRows
    .filter((row) => row.score !== null)
    .map((row) => ({ day: localDay(row.completedAt!, timeZone), score: Math.round(row.score! * 10) / 10, band: row.band }));
  const odiBaseline = odiPoints[0]?.score ?? null;

  const romRows = await db
    .select({ code: measurements.code, value: measurements.value, method: measurements.method, measuredAt: measurements.measuredAt })
    .from(measurements)
    .where(and(eq(measurements.episodeId, id), isNull(measurements.supersededAt), isNull(measurements.deletedAt)))
    .orderBy(asc(measurements.measuredAt));
  const rom = Object.fromEntries(MEASURE_CODES.map((code) => [code, [] as RomPoint[]])) as Record<MeasureCode, RomPoint[]>;
  for (const row of romRows) {
    rom[row.code as MeasureCode]?.push({ day: localDay(row.measuredAt, timeZone), value: row.value, method: row.method });
  }

  const adherence = await weeklyAdherence(id, localDay(head!.startedAt, timeZone), head!.status === 'discharged' && head!.dischargedAt ? localDay(head!.dischargedAt, timeZone) : today);
  const timeline = await loadTimeline(id);

  await recordAudit(db, {
    ...auditBase(access),
    action: 'clinician.record.read',
    outcome: 'success',
    resourceType: 'episode',
    resourceId: id,
  });

  return {
    header: {
      episodeId: id,
      patientName: head!.patientName,
      email: head!.email,
      age: ageOn(head!.dateOfBirth, today),
      dateOfBirth: head!.dateOfBirth,
      condition: head!.condition,
      startedAt: head!.startedAt,
      weeksInCare: Math.floor((now.getTime() - head!.startedAt.getTime()) / (7 * 86_400_000)),
      status: head!.status,
      dischargedAt: head!.dischargedAt,
      intakeNprs: head!.intakeNprs,
      startbackRisk: (startback?.band as RecordHeader['startbackRisk']) ?? null,
      openAlerts,
      timeZone,
      accountActivated: head!.hasPassword,
    },
    pain,
    odi: { points: odiPoints, baseline: odiBaseline, mcidLevel: odiBaseline === null ? null : odiMcidLevel(odiBaseline) },
    rom,
    adherence,
    timeline,
  };
}

/** Sessions logged (done or partial) per week of care against the plan version in force at the start of that week. */
async function weeklyAdherence(episodeId: string, startDay: string, endDay: string): Promise<AdherenceWeek[]> {
  const db = getDb();
  const logged = await executeRows<{ week: number; n: number }>(
    db,
    sql`select floor((local_day - ${startDay}::date) / 7.0)::int as week, count(*)::int as n
        from ${exerciseLogs} where episode_id = ${episodeId} and status <> 'skipped' group by 1`,
  );
  const versions = await executeRows<{ created_at: string | Date; per_week: number }>(
    db,
    sql`select p.created_at, coalesce(sum(pi.times_per_day * pi.days_per_week), 0)::int as per_week
        from ${plans} p left join ${planItems} pi on pi.plan_id = p.id
        where p.episode_id = ${episodeId} group by p.id, p.created_at order by p.created_at`,
  );
  const loggedByWeek = new Map(logged.map((row) => [row.week, row.n]));
  const weeks: AdherenceWeek[] = [];
  const totalWeeks = Math.floor(daysBetween(startDay, endDay) / 7);
  for (let week = 0; week < totalWeeks; week += 1) {
    const weekStart = addDays(startDay, week * 7);
    const weekEnd = new Date(`${addDays(weekStart, 7)}T00:00:00Z`);
    const version = [...versions].reverse().find((candidate) => new Date(candidate.created_at) < weekEnd);
    const prescribed = version?.per_week ?? 0;
    const count = loggedByWeek.get(week) ?? 0;
    weeks.push({
      week: week + 1,
      startDay: weekStart,
      logged: count,
      prescribed,
      percent: prescribed > 0 ? Math.round((100 * Math.min(count, prescribed)) / prescribed) : null,
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

async function loadTimeline(episodeId: string): Promise<TimelineEvent[]> {
  const db = getDb();
  const [pain, logs, responses, measured, planRows, noteRows, alertRows] = await Promise.all([
    db.select({ at: painEntries.recordedAt, score: painEntries.score, note: painEntries.note, belowKnee: painEntries.belowKnee })
      .from(painEntries).where(eq(painEntries.episodeId, episodeId)).orderBy(desc(painEntries.recordedAt)).limit(TIMELINE_LIMIT),
    db.select({ at: exerciseLogs.loggedAt, status: exerciseLogs.status, skipReason: exerciseLogs.skipReason, name: exercises.name, painDuring: exerciseLogs.painDuring })
      .from(exerciseLogs).innerJoin(planItems, eq(planItems.id, exerciseLogs.planItemId)).innerJoin(exercises, eq(exercises.id, planItems.exerciseId))
      .where(eq(exerciseLogs.episodeId, episodeId)).orderBy(desc(exerciseLogs.loggedAt)).limit(TIMELINE_LIMIT),
    db.select({ at: questionnaireResponses.completedAt, instrument: questionnaireResponses.instrument, score: questionnaireResponses.score, band: questionnaireResponses.band })
      .from(questionnaireResponses).where(and(eq(questionnaireResponses.episodeId, episodeId), eq(questionnaireResponses.status, 'completed')))
      .orderBy(desc(questionnaireResponses.completedAt)).limit(TIMELINE_LIMIT),
    db.select({ at: measurements.measuredAt, code: measurements.code, value: measurements.value, unit: measurements.unit, supersededAt: measurements.supersededAt, deletedAt: measurements.deletedAt })
      .from(measurements).where(eq(measurements.episodeId, episodeId)).orderBy(desc(measurements.measuredAt)).limit(TIMELINE_LIMIT * 8),
    db.select({ at: plans.createdAt, version: plans.version, note: plans.note }).from(plans).where(eq(plans.episodeId, episodeId)).orderBy(desc(plans.version)).limit(TIMELINE_LIMIT),
    db.select({ at: notes.createdAt, assessment: notes.assessment, amendsId: notes.amendsId }).from(notes).where(eq(notes.episodeId, episodeId)).orderBy(desc(notes.createdAt)).limit(TIMELINE_LIMIT),
    db.select({ at: alerts.raisedAt, message: alerts.message, reason: alerts.reason }).from(alerts).where(eq(alerts.episodeId, episodeId)).orderBy(desc(alerts.raisedAt)).limit(TIMELINE_LIMIT),
  ]);
  const events: TimelineEvent[] = [
    ...pain.map((row) => ({
      at: row.at,
      kind: 'pain' as const,
      title: `Pain ${row.score}/10${row.belowKnee ? ', below the knee' : ''}`,
      detail: row.note,
    })),
    ...logs.map((row) => ({
      at: row.at,
      kind: 'exercise' as const,
      title:
        row.status === 'skipped'
          ? `Skipped ${row.name}${row.skipReason ? ` (${SKIP_LABELS[row.skipReason] ?? row.skipReason})` : ''}`
          : `${row.status === 'partial' ? 'Partly did' : 'Did'} ${row.name}`,
      detail: row.painDuring === null ? null : `Pain during ${row.painDuring}/10`,
    })),
    ...responses.map((row) => ({
      at: row.at!,
      kind: 'questionnaire' as const,
      title: `${row.instrument} completed${row.score === null ? '' : `: ${Math.round(row.score * 10) / 10}`}`,
      detail: row.band,
    })),
    ...measurementSessions(measured),
    ...planRows.map((row) => ({ at: row.at, kind: 'plan' as const, title: `Plan version ${row.version} saved`, detail: row.note })),
    ...noteRows.map((row) => ({ at: row.at, kind: 'note' as const, title: row.amendsId ? 'Note amended' : 'Note added', detail: row.assessment || null })),
    ...alertRows.map((row) => ({ at: row.at, kind: 'alert' as const, title: `Alert: ${row.reason.replaceAll('-', ' ')}`, detail: row.message })),
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
