import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { executeRows } from '@/db/rows';
import { episodes, exerciseLogs, measurements, painEntries, planItems, plans, questionnaireResponses, users } from '@/db/schema';
import { adherenceFraction, prescribedSessions } from '@/lib/clinical/adherence';
import { ODI_BANDS, type OdiBand } from '@/lib/clinical/odi';
import { meaningfulPainLevel, painSeries, summariseMeasure, summariseOdi, summarisePain } from '@/lib/clinical/progress';
import { ageOn } from '@/lib/clinical/record-figures';
import { chooseRomReference, describeReference, judgeSchober, MEASURE_CODES, ROM_MEASURES, type MeasureCode } from '@/lib/clinical/rom';
import type { RollingPoint } from '@/lib/clinical/stats';
import { addDays, daysBetween, localDay, weekStartOf } from '@/lib/time';
import { type PsfsActivity, type PsfsChange } from '@/lib/clinical/psfs';
import { loadQuestionnaireOutcomes, type RmdqOutcome } from './internal/questionnaire-outcomes';
import { getPatientContext, recordOwnRead } from './internal/patient-episode';

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
  rom: {
    code: MeasureCode;
    label: string;
    unit: string;
    /** The typical range from published norms for the patient's age, shaded on the chart (docs/CLINICAL.md, "ROM reference bands by age"). */
    reference: { low: number; high: number | null; label: string; range: string } | null;
    /** Which band is shaded, for which age, in words; or why none is (null when the measure has no norm). */
    referenceText: string | null;
    normalText: string;
    points: { day: string; value: number }[];
    summary: string;
  }[];
  adherence: { weeks: { weekStart: string; logged: number; prescribed: number; percent: number | null }[]; summary: string };
  /** Roland-Morris scores in the range; the change and meaningful level run from the episode's first score. */
  rmdq: { points: { day: string; score: number }[]; mcidLevel: number | null; change: RmdqOutcome['change'] };
  /** Each PSFS response in the range with every activity's rating; the change runs from the first response. */
  psfs: { responses: { day: string; score: number; activities: PsfsActivity[] }[]; change: PsfsChange | null };
};

type Stamp = string | Date;
type ProgressRow = {
  pain: { day: string; score: number }[];
  odi: { completedAt: Stamp; score: number }[];
  rom: { code: string; value: number; measuredAt: Stamp }[];
  plan_items: { version: number; createdAt: Stamp; exerciseId: string; timesPerDay: number; daysPerWeek: number }[];
  logged: { weekStart: string; exerciseId: string; count: number }[];
  date_of_birth: string | null;
};

/**
 * The page's reads in one statement (JSON sub-selects on the episode's indexes): daily pain from
 * `painFrom` (highest of each day, docs/CLINICAL.md, Pain; six days before the range feed the first 7-day
 * average), ODI results, current ROM values, every plan version's items, and sessions logged per
 * exercise per week (Monday start) from `firstWeek`.
 */
function progressQuery(episodeId: string, painFrom: string, firstWeek: string) {
  return sql`select
    (select u.date_of_birth::text from ${users} u join ${episodes} e on e.patient_id = u.id where e.id = ${episodeId}) as date_of_birth,
    coalesce((select json_agg(json_build_object('day', d.day, 'score', d.score) order by d.day) from (
      select local_day::text as day, max(score)::int as score from ${painEntries}
      where episode_id = ${episodeId} and local_day >= ${painFrom}::date group by local_day) d), '[]') as pain,
    coalesce((select json_agg(json_build_object('completedAt', q.completed_at, 'score', q.score) order by q.completed_at)
      from ${questionnaireResponses} q where q.episode_id = ${episodeId} and q.instrument = 'ODI' and q.status = 'completed'
        and q.score is not null), '[]') as odi,
    coalesce((select json_agg(json_build_object('code', m.code, 'value', m.value, 'measuredAt', m.measured_at) order by m.measured_at)
      from ${measurements} m where m.episode_id = ${episodeId} and m.deleted_at is null and m.superseded_at is null), '[]') as rom,
    coalesce((select json_agg(json_build_object('version', p.version, 'createdAt', p.created_at, 'exerciseId', i.exercise_id,
        'timesPerDay', i.times_per_day, 'daysPerWeek', i.days_per_week) order by p.version, i.position)
      from ${plans} p join ${planItems} i on i.plan_id = p.id where p.episode_id = ${episodeId}), '[]') as plan_items,
    coalesce((select json_agg(json_build_object('weekStart', w.week_start, 'exerciseId', w.exercise_id, 'count', w.n)) from (
      select date_trunc('week', x.local_day::timestamp)::date::text as week_start, i.exercise_id, count(*)::int as n
      from ${exerciseLogs} x join ${planItems} i on i.id = x.plan_item_id
      where x.episode_id = ${episodeId} and x.local_day >= ${firstWeek}::date and x.status <> 'skipped'
      group by 1, 2) w), '[]') as logged`;
}

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
    rmdq: { points: [], mcidLevel: null, change: null },
    psfs: { responses: [], change: null },
  };
  if (!episode) return view;
  const db = getDb();

  const [row] = await executeRows<ProgressRow>(db, progressQuery(episode.id, addDays(fromDay, -6), weekStartOf(fromDay)));
  const dailyRows = row!.pain;
  const series = painSeries(dailyRows, fromDay);
  view.pain = {
    ...series,
    baseline: episode.intakeNprs,
    meaningfulLevel: meaningfulPainLevel(episode.intakeNprs),
    summary: summarisePain(series.rolling),
  };

  const odiRows = row!.odi;
  const odiPoints = odiRows
    .map((response) => ({ day: localDay(new Date(response.completedAt), zone), score: response.score }))
    .filter((point) => point.day >= fromDay)
    .map((point) => ({ ...point, band: ODI_BANDS.find((band) => point.score <= band.upTo)!.band }));
  view.odi = { points: odiPoints, summary: summariseOdi(odiPoints) };

  const measured = row!.rom;
  view.rom = MEASURE_CODES.map((code) => {
    const measure = ROM_MEASURES[code];
    const unit = measure.unit === 'deg' ? '°' : 'cm';
    const points = measured
      .filter((entry) => entry.code === code)
      .map((entry) => ({ day: localDay(new Date(entry.measuredAt), zone), value: entry.value }))
      .filter((point) => point.day >= fromDay);
    const latest = points.at(-1);
    // The band for the patient's age on the day of the latest measurement shown (docs/CLINICAL.md, "ROM reference bands by age").
    const { band, text: referenceText } = chooseRomReference(code, ageOn(row!.date_of_birth, latest?.day ?? today));
    const judgement = code === 'modified-schober' && latest ? ` ${judgeSchober(latest.value).text}` : '';
    return {
      code,
      label: measure.label,
      unit,
      reference: band ? { low: band.low, high: band.high, label: band.shortLabel, range: describeReference(band, measure.unit) } : null,
      referenceText,
      normalText: measure.normalText,
      points,
      summary: `${summariseMeasure(measure.label, points, unit)}${judgement}`,
    };
  }).filter((measure) => measure.points.length > 0);

  const outcomes = await loadQuestionnaireOutcomes(episode.id);
  view.rmdq = {
    points: outcomes.rmdq.points.map((point) => ({ day: localDay(point.completedAt, zone), score: point.score })).filter((point) => point.day >= fromDay),
    mcidLevel: outcomes.rmdq.mcidLevel,
    change: outcomes.rmdq.change,
  };
  view.psfs = {
    responses: outcomes.psfs.responses
      .map((response) => ({ day: localDay(response.completedAt, zone), score: response.score, activities: response.activities }))
      .filter((response) => response.day >= fromDay),
    change: outcomes.psfs.change,
  };

  view.adherence = weeklyAdherenceHistory(row!.plan_items.map((item) => ({ ...item, createdAt: new Date(item.createdAt) })), row!.logged, startDay, fromDay, today);
  await recordOwnRead(viewer, 'patient.progress.read', { type: 'episode', id: episode.id });
  return view;
}

/**
 * Adherence per week (Monday to Sunday) by ADHERENCE_RULE: sessions logged as done or partly done for the
 * exercises of the plan in force that week, counted up to what it asked for.
 */
function weeklyAdherenceHistory(
  planRows: { version: number; createdAt: Date; exerciseId: string; timesPerDay: number; daysPerWeek: number }[],
  logged: { weekStart: string; exerciseId: string; count: number }[],
  startDay: string,
  fromDay: string,
  today: string,
) {
  const firstWeek = weekStartOf(fromDay);
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
      done += count;
    }
    const fraction = adherenceFraction(done, asked);
    weeks.push({ weekStart: week, logged: Math.min(done, asked), prescribed: asked, percent: fraction === null ? null : Math.round(fraction * 100) });
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
