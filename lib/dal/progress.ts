import 'server-only';
import { and, asc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { exerciseLogs, measurements, painEntries, planItems, plans, questionnaireResponses } from '@/db/schema';
import { prescribedSessions, weekStartOf } from '@/lib/clinical/adherence';
import { addDays, daysBetween } from '@/lib/clinical/days';
import { ODI_BANDS, type OdiBand } from '@/lib/clinical/odi';
import { meaningfulPainLevel, painSeries, summariseMeasure, summariseOdi, summarisePain } from '@/lib/clinical/progress';
import { MEASURE_CODES, ROM_MEASURES, type MeasureCode } from '@/lib/clinical/rom';
import type { RollingPoint } from '@/lib/clinical/stats';
import { localDay } from '@/lib/time';
import { getPatientContext, recordOwnRead } from './patient-episode';

export const PROGRESS_RANGES = { '4w': 28, '12w': 84, all: null } as const;
export type ProgressRange = keyof typeof PROGRESS_RANGES;

export type ProgressView = {
  hasEpisode: boolean;
  range: ProgressRange;
  fromDay: string;
  today: string;
  pain: {
    daily: { day: string; score: number }[];
    rolling: RollingPoint[];
    baseline: number | null;
    meaningfulLevel: number | null;
    summary: string;
  };
  odi: { points: { day: string; score: number; band: OdiBand }[]; summary: string };
  rom: { code: MeasureCode; label: string; unit: string; normal: number | null; normalText: string; points: { day: string; value: number }[]; summary: string }[];
  adherence: { weeks: { weekStart: string; logged: number; prescribed: number; percent: number | null }[]; summary: string };
};

/** Patient: charts of their own current episode over the chosen range. Others: AppError('forbidden'). */
export async function getProgress(range: ProgressRange): Promise<ProgressView> {
  const { viewer, episode } = await getPatientContext();
  const zone = viewer.timeZone;
  const today = localDay(new Date(), zone);
  const span = PROGRESS_RANGES[range];
  const startDay = episode ? localDay(episode.startedAt, zone) : today;
  const fromDay = span === null ? startDay : [addDays(today, 1 - span), startDay].sort().at(-1)!;
  const view: ProgressView = {
    hasEpisode: Boolean(episode),
    range,
    fromDay,
    today,
    pain: { daily: [], rolling: [], baseline: null, meaningfulLevel: null, summary: summarisePain([]) },
    odi: { points: [], summary: summariseOdi([]) },
    rom: [],
    adherence: { weeks: [], summary: 'No exercise sessions are due yet.' },
  };
  if (!episode) return view;
  const db = getDb();

  // Daily pain (highest of each day, CLINICAL.md) aggregated in SQL; six earlier days feed the first 7-day average.
  const dailyRows = await db
    .select({ day: sql<string>`${painEntries.localDay}::text`, score: sql<number>`max(${painEntries.score})::int` })
    .from(painEntries)
    .where(and(eq(painEntries.episodeId, episode.id), gte(painEntries.localDay, addDays(fromDay, -6))))
    .groupBy(painEntries.localDay)
    .orderBy(asc(painEntries.localDay));
  const series = painSeries(dailyRows, fromDay);
  view.pain = {
    ...series,
    baseline: episode.intakeNprs,
    meaningfulLevel: meaningfulPainLevel(episode.intakeNprs),
    summary: summarisePain(series.rolling),
  };

  const odiRows = await db
    .select({ completedAt: questionnaireResponses.completedAt, score: questionnaireResponses.score })
    .from(questionnaireResponses)
    .where(
      and(
        eq(questionnaireResponses.episodeId, episode.id),
        eq(questionnaireResponses.instrument, 'ODI'),
        eq(questionnaireResponses.status, 'completed'),
        sql`${questionnaireResponses.score} is not null`,
      ),
    )
    .orderBy(asc(questionnaireResponses.completedAt));
  const odiPoints = odiRows
    .map((row) => ({ day: localDay(row.completedAt!, zone), score: row.score! }))
    .filter((point) => point.day >= fromDay)
    .map((point) => ({ ...point, band: ODI_BANDS.find((band) => point.score <= band.upTo)!.band }));
  view.odi = { points: odiPoints, summary: summariseOdi(odiPoints) };

  const measured = await db
    .select({ code: measurements.code, value: measurements.value, measuredAt: measurements.measuredAt })
    .from(measurements)
    .where(
      and(
        eq(measurements.episodeId, episode.id),
        isNull(measurements.deletedAt),
        isNull(measurements.supersededAt),
        inArray(measurements.code, MEASURE_CODES),
      ),
    )
    .orderBy(asc(measurements.measuredAt));
  view.rom = MEASURE_CODES.map((code) => {
    const measure = ROM_MEASURES[code];
    const unit = measure.unit === 'deg' ? '°' : 'cm';
    const points = measured
      .filter((row) => row.code === code)
      .map((row) => ({ day: localDay(row.measuredAt, zone), value: row.value }))
      .filter((point) => point.day >= fromDay);
    return {
      code,
      label: measure.label,
      unit,
      normal: measure.normal,
      normalText: measure.normalText,
      points,
      summary: summariseMeasure(measure.label, points, unit),
    };
  }).filter((measure) => measure.points.length > 0);

  view.adherence = await weeklyAdherenceHistory(episode.id, startDay, fromDay, today);
  await recordOwnRead(viewer, 'patient.progress.read', { type: 'episode', id: episode.id });
  return view;
}

/**
 * Adherence per week (Monday to Sunday) with the same rule as "this week": sessions logged as done or partly
 * done, capped per exercise at what the plan in force that week asked for. Counted per exercise, so a new plan
 * version mid-week keeps earlier logs.
 */
async function weeklyAdherenceHistory(episodeId: string, startDay: string, fromDay: string, today: string) {
  const db = getDb();
  const planRows = await db
    .select({
      version: plans.version,
      createdAt: plans.createdAt,
      exerciseId: planItems.exerciseId,
      timesPerDay: planItems.timesPerDay,
      daysPerWeek: planItems.daysPerWeek,
    })
    .from(plans)
    .innerJoin(planItems, eq(planItems.planId, plans.id))
    .where(eq(plans.episodeId, episodeId))
    .orderBy(asc(plans.version));
  const firstWeek = weekStartOf(fromDay);
  const logged = await db
    .select({
      weekStart: sql<string>`date_trunc('week', ${exerciseLogs.localDay}::timestamp)::date::text`,
      exerciseId: planItems.exerciseId,
      count: sql<number>`count(*)::int`,
    })
    .from(exerciseLogs)
    .innerJoin(planItems, eq(planItems.id, exerciseLogs.planItemId))
    .where(
      and(
        eq(exerciseLogs.episodeId, episodeId),
        gte(exerciseLogs.localDay, firstWeek),
        sql`${exerciseLogs.status} <> 'skipped'`,
      ),
    )
    .groupBy(sql`1`, planItems.exerciseId);

  const weeks: { weekStart: string; logged: number; prescribed: number; percent: number | null }[] = [];
  for (let week = firstWeek; week <= today; week = addDays(week, 7)) {
    const weekEnd = addDays(week, 6);
    const from = [week, startDay].sort().at(-1)!;
    const to = [weekEnd, today].sort()[0]!;
    const days = Math.max(0, daysBetween(from, to) + 1);
    const versions = [...new Set(planRows.map((row) => row.version))];
    // The plan in force that week: the newest version created by the end of it (else the first).
    const inForce =
      [...versions].reverse().find((version) => {
        const createdAt = planRows.find((row) => row.version === version)!.createdAt;
        return createdAt.toISOString().slice(0, 10) <= to;
      }) ?? versions[0];
    const items = planRows.filter((row) => row.version === inForce);
    let asked = 0;
    let done = 0;
    for (const item of items) {
      const prescribed = prescribedSessions(item, days);
      const count = logged.find((row) => row.weekStart === week && row.exerciseId === item.exerciseId)?.count ?? 0;
      asked += prescribed;
      done += Math.min(count, prescribed);
    }
    weeks.push({ weekStart: week, logged: done, prescribed: asked, percent: asked === 0 ? null : Math.round((done * 100) / asked) });
  }
  const counted = weeks.filter((week) => week.percent !== null);
  const summary =
    counted.length === 0
      ? 'No exercise sessions were due in this period.'
      : `You logged ${counted.reduce((total, week) => total + week.logged, 0)} of ${counted.reduce((total, week) => total + week.prescribed, 0)} exercise sessions over ${counted.length} ${counted.length === 1 ? 'week' : 'weeks'}` +
        (counted.length > 1
          ? `; ${counted.at(-1)!.percent} % ${counted.at(-1)!.weekStart === weekStartOf(today) ? 'so far this week' : 'in the latest week'}.`
          : '.');
  return { weeks, summary };
}
