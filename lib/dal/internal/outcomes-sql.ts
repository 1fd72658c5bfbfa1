/**
 * All outcome SQL in one module, so it can be swapped for summary tables without touching callers.
 *
 * `perEpisode` is one CTE that works out, for each episode in scope, its baseline / latest / discharge
 * scores, MCID flags, weeks in care and adherence. First and latest pain and ODI come from
 * episode_summaries (migration 0002, kept by triggers); the rest uses the indexes questionnaire_responses
 * (episode_id, instrument, completed_at), exercise_logs (episode_id, logged_at) where not skipped,
 * plans.sessions_per_week (migration 0005, kept by a trigger) and episodes (clinic_id, started_at). The figures are aggregates over it:
 * each figure has one function below returning its SQL, and `aggregateOutcomes` runs them all in a
 * single GROUP BY GROUPING SETS statement so the CTE is evaluated once per page.
 *
 * Definitions are in lib/outcomes/definitions.ts; every threshold arrives here as a parameter.
 * No `server-only` marker and no authorization: callers (lib/dal/outcomes.ts) scope by clinic.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db/connection';
import { executeRows } from '@/db/rows';
import {
  ADHERENCE_BANDS,
  ADHERENCE_WINDOW_DAYS,
  type FigureKey,
  MCID_TOLERANCE,
  MIN_PRESCRIBED_SESSIONS,
  ODI_WINDOW_DAYS,
  OUTCOME_MCID,
  SEVERITY_BANDS,
} from '@/lib/outcomes/definitions';
import type { GroupAggregates } from '@/lib/outcomes/figures';

export type OutcomeScope = {
  clinicId: string;
  /** Episodes whose start (intake) is at or after `from` and before `to`. */
  from: Date;
  to: Date;
  clinicianId: string | null;
  /** The clinic's time zone, for intake months. */
  timeZone: string;
  /** "Today" for active episodes' adherence window. */
  now: Date;
};

export type Dimension = 'all' | 'clinician' | 'month' | 'risk' | 'severity';

/** Which episodes a drill-down lists: a group and, optionally, the episodes behind one figure. */
export type EpisodeSubset = {
  dimension?: Exclude<Dimension, 'all'>;
  key?: string;
  figure?: FigureKey;
};


type Executor = Db | Tx;

/** Both MCID thresholds met-or-not, mirroring lib/clinical/improvement lowerIsBetterImprovement. */
export function mcidMet(baseline: SQL, later: SQL, mcid: { points: number; percent: number }): SQL {
  return sql`(${later} is not null and ${baseline} is not null and (
    (${baseline} - ${later}) >= ${mcid.points}::float8 - ${MCID_TOLERANCE}::float8
    or (${baseline} <> 0 and (${baseline} - ${later}) * 100 >= ${mcid.percent}::float8 * ${baseline} - ${MCID_TOLERANCE}::float8)
  ))`;
}

export function severityCase(score: SQL): SQL {
  const whens = SEVERITY_BANDS.map((band) => sql`when ${score} <= ${band.upTo}::int then ${band.band}::text`);
  return sql`(case ${sql.join(whens, sql` `)} end)`;
}

/**
 * One row per episode in scope. Columns: ids, pseudonym, clinician, status, dates, intake month, risk,
 * severity band, NPRS and ODI at baseline / latest / discharge, changes, MCID flags, weeks in care,
 * prescribed and logged sessions and adherence.
 */
export function perEpisode(scope: OutcomeScope, batch?: { after: EpisodeCursor | null; size: number }): SQL {
  const odiWindow = sql`make_interval(days => ${ODI_WINDOW_DAYS}::int)`;
  const adherenceWindow = sql`make_interval(days => ${ADHERENCE_WINDOW_DAYS}::int)`;
  // Timestamps go in as ISO text: drizzle's postgres.js driver serialises only its own timestamp
  // columns, so a Date bound to a raw `$n::timestamptz` fails on PostgreSQL (PGlite accepts it).
  const now = sql`${scope.now.toISOString()}::timestamptz`;
  return sql`
  scoped as (
    select e.id, e.pseudonym, e.patient_id, e.clinician_id, e.started_at, e.status, e.discharged_at, e.intake_nprs,
      coalesce(e.discharged_at, ${now}) as ended_at,
      coalesce(es.pain_entries, 0) as pain_entries, es.last_pain, es.last_pain_at, es.startback_risk as first_startback_risk,
      coalesce(es.odi_responses, 0) as odi_responses, es.first_odi, es.first_odi_at, es.last_odi, es.last_odi_at
    from episodes e
    left join episode_summaries es on es.episode_id = e.id
    where e.clinic_id = ${scope.clinicId}::uuid
      and e.started_at >= ${scope.from.toISOString()}::timestamptz and e.started_at < ${scope.to.toISOString()}::timestamptz
      ${scope.clinicianId ? sql`and e.clinician_id = ${scope.clinicianId}::uuid` : sql``}
      ${batch?.after ? sql`and (e.started_at, e.id) > (${batch.after.startedAt}::timestamptz, ${batch.after.id}::uuid)` : sql``}
    ${batch ? sql`order by e.started_at, e.id limit ${batch.size}::int` : sql``}
  ),
  -- First, latest and discharge scores from episode_summaries (kept by triggers on the entry tables;
  -- an episode with no entries has no summary row). The summary orders entries exactly as the
  -- definitions do, (time, id), so "the first entry" is its first_* and "a later entry exists" is
  -- count > 1. Only an entry recorded after discharge makes the summary's latest differ from the
  -- discharge score: those few episodes fall back to an index probe on the base table.
  firsts as (
    select s.*,
      (case when s.first_odi_at <= s.started_at + ${odiWindow} then s.first_odi end) as odi_first_in_window
    from scoped s
  ),
  -- Sessions asked for in the window, for all episodes in scope at once: each plan version is in force
  -- from its creation until the next version; per day it asks for its sessions a week / 7 (plans.sessions_per_week,
  -- the sum of times a day × days a week over its items, kept by a trigger). No plan: null.
  plan_versions as (
    select pv.episode_id, pv.created_at as from_at,
      coalesce(lead(pv.created_at) over (partition by pv.episode_id order by pv.version), 'infinity'::timestamptz) as until,
      pv.sessions_per_week::float8 as weekly
    from scoped s
    join plans pv on pv.episode_id = s.id
  ),
  prescribed as (
    select v.episode_id, sum(v.weekly * greatest(0, extract(epoch from (
        least(v.until, s.ended_at) - greatest(v.from_at, s.ended_at - ${adherenceWindow})
      )))::float8 / 604800) as prescribed
    from plan_versions v join scoped s on s.id = v.episode_id
    group by v.episode_id
  ),
  scores as (
    select s.id, s.pseudonym, s.patient_id, s.clinician_id, s.started_at, s.status, s.discharged_at, s.intake_nprs, s.ended_at,
      to_char(s.started_at at time zone ${scope.timeZone}::text, 'YYYY-MM') as intake_month,
      -- The risk group is the first STarT Back screen's (kept in episode_summaries.startback_risk).
      s.first_startback_risk as risk,
      -- Baseline, latest and discharge pain as lib/clinical/figures.ts defines them.
      s.intake_nprs::float8 as nprs_baseline,
      (case when s.pain_entries > 0 then s.last_pain end)::float8 as nprs_latest,
      (case
        when s.discharged_at is null or s.pain_entries = 0 then null
        when s.last_pain_at <= s.discharged_at then s.last_pain
        else pd.score
      end)::float8 as nprs_discharge,
      s.odi_first_in_window as odi_baseline,
      (case when s.odi_first_in_window is null or s.odi_responses > 1 then s.last_odi end) as odi_latest,
      (case
        when s.discharged_at is null or s.odi_responses = 0 then null
        when s.last_odi_at <= s.discharged_at then
          case when s.last_odi_at >= s.discharged_at - ${odiWindow}
            and (s.odi_first_in_window is null or s.odi_responses > 1) then s.last_odi end
        when s.odi_first_in_window is null or od.has_earlier then od.score
      end) as odi_discharge,
      case when s.discharged_at is not null
        then extract(epoch from (s.discharged_at - s.started_at))::float8 / 604800 end as weeks_in_care,
      pr.prescribed, lg.logged
    from firsts s
    left join lateral (
      select p.score from pain_entries p
      where s.last_pain_at > s.discharged_at and p.episode_id = s.id and p.recorded_at <= s.discharged_at
      order by p.recorded_at desc, p.id desc limit 1
    ) pd on true
    left join lateral (
      select q.score, exists (
          select 1 from questionnaire_responses q2
          where q2.episode_id = s.id and q2.instrument = 'ODI' and q2.status = 'completed' and q2.score is not null
            and (q2.completed_at, q2.id) < (q.completed_at, q.id)
        ) as has_earlier
      from questionnaire_responses q
      where s.last_odi_at > s.discharged_at and q.episode_id = s.id and q.instrument = 'ODI' and q.status = 'completed'
        and q.score is not null and q.completed_at <= s.discharged_at and q.completed_at >= s.discharged_at - ${odiWindow}
      order by q.completed_at desc, q.id desc limit 1
    ) od on true
    left join prescribed pr on pr.episode_id = s.id
    left join lateral (
      select count(*)::int as logged from exercise_logs l
      where l.episode_id = s.id and l.status <> 'skipped'
        and l.logged_at >= s.ended_at - ${adherenceWindow} and l.logged_at < s.ended_at
    ) lg on true
  ),
  per_episode as (
    select sc.*,
      ${severityCase(sql`sc.nprs_baseline`)} as severity,
      sc.nprs_latest - sc.nprs_baseline as nprs_latest_change,
      sc.nprs_discharge - sc.nprs_baseline as nprs_discharge_change,
      sc.odi_latest - sc.odi_baseline as odi_latest_change,
      sc.odi_discharge - sc.odi_baseline as odi_discharge_change,
      ${mcidMet(sql`sc.nprs_baseline`, sql`sc.nprs_discharge`, OUTCOME_MCID.nprs)} as nprs_mcid_discharge,
      ${mcidMet(sql`sc.odi_baseline`, sql`sc.odi_discharge`, OUTCOME_MCID.odi)} as odi_mcid_discharge,
      ${mcidMet(sql`sc.nprs_baseline`, sql`sc.nprs_latest`, OUTCOME_MCID.nprs)} as nprs_mcid_latest,
      ${mcidMet(sql`sc.odi_baseline`, sql`sc.odi_latest`, OUTCOME_MCID.odi)} as odi_mcid_latest,
      -- ADHERENCE_RULE (lib/clinical/adherence.ts): sessions count up to what the plan asked for.
      case when sc.prescribed >= ${MIN_PRESCRIBED_SESSIONS}::float8 then least(sc.logged, sc.prescribed) / sc.prescribed end as adherence
    from scores sc
  )`;
}

const discharged = sql`status = 'discharged'`;
const active = sql`status = 'active'`;

/** Figure: episodes started, active and discharged. */
export function episodeCountsSql(): SQL {
  return sql`count(*)::int as episodes,
    (count(*) filter (where ${active}))::int as active,
    (count(*) filter (where ${discharged}))::int as discharged`;
}

/** Figure: mean, sample SD and n of the change from baseline (latest: active episodes; discharge: discharged). */
export function meanChangeSql(measure: 'nprs' | 'odi', to: 'latest' | 'discharge'): SQL {
  const column = sql.raw(`${measure}_${to}_change`);
  const status = to === 'latest' ? active : discharged;
  const prefix = `${measure}${to === 'latest' ? 'Latest' : 'Discharge'}`;
  return sql`(count(${column}) filter (where ${status}))::int as ${sql.identifier(`${prefix}N`)},
    (avg(${column}) filter (where ${status}))::float8 as ${sql.identifier(`${prefix}Mean`)},
    (stddev_samp(${column}) filter (where ${status}))::float8 as ${sql.identifier(`${prefix}Sd`)}`;
}

/** Figure: discharged episodes reaching the MCID (the denominator is meanChangeSql(measure, 'discharge') n). */
export function mcidShareSql(measure: 'nprs' | 'odi'): SQL {
  const column = sql.raw(`${measure}_mcid_discharge`);
  return sql`(count(*) filter (where ${discharged} and ${column}))::int as ${sql.identifier(`${measure}McidMet`)}`;
}

/** Figure: median weeks in care of discharged episodes. */
export function medianWeeksSql(): SQL {
  return sql`count(weeks_in_care)::int as "weeksN",
    (percentile_cont(0.5) within group (order by weeks_in_care))::float8 as "weeksMedian"`;
}

/** Figure: baseline and discharge ODI completion. */
export function completionSql(): SQL {
  return sql`count(odi_baseline)::int as "odiBaselineDone",
    (count(odi_discharge) filter (where ${discharged}))::int as "odiDischargeDone"`;
}

/** Figure: adherence distribution over ADHERENCE_BANDS. */
export function adherenceSql(): SQL {
  const [, b25, b50, b80] = ADHERENCE_BANDS.map((band) => band.from);
  return sql`count(adherence)::int as "adherenceN",
    (count(*) filter (where adherence < ${b25}::float8))::int as "adherenceBelow25",
    (count(*) filter (where adherence >= ${b25}::float8 and adherence < ${b50}::float8))::int as "adherence25To49",
    (count(*) filter (where adherence >= ${b50}::float8 and adherence < ${b80}::float8))::int as "adherence50To79",
    (count(*) filter (where adherence >= ${b80}::float8))::int as "adherent"`;
}

export type AggregateRow = GroupAggregates & { dimension: Dimension; key: string | null };

/**
 * Every figure for the whole scope and for each clinician, intake month, STarT Back risk group and
 * baseline severity band, in one statement.
 */
export async function aggregateOutcomes(executor: Executor, scope: OutcomeScope): Promise<AggregateRow[]> {
  return executeRows<AggregateRow>(
    executor,
    sql`with ${perEpisode(scope)}
    select
      case when grouping(clinician_id) = 0 then 'clinician'
           when grouping(intake_month) = 0 then 'month'
           when grouping(risk) = 0 then 'risk'
           when grouping(severity) = 0 then 'severity'
           else 'all' end as dimension,
      coalesce(clinician_id::text, intake_month, risk, severity) as key,
      ${episodeCountsSql()},
      ${meanChangeSql('nprs', 'latest')},
      ${meanChangeSql('nprs', 'discharge')},
      ${meanChangeSql('odi', 'latest')},
      ${meanChangeSql('odi', 'discharge')},
      ${mcidShareSql('nprs')},
      ${mcidShareSql('odi')},
      ${medianWeeksSql()},
      ${completionSql()},
      ${adherenceSql()}
    from per_episode
    group by grouping sets ((), (clinician_id), (intake_month), (risk), (severity))`,
  );
}

/** One episode's outcome, as listed in drill-downs and the CSV export. */
export type EpisodeOutcomeRow = {
  id: string;
  pseudonym: string;
  patientId: string;
  clinicianId: string;
  status: 'active' | 'discharged';
  startedAt: Date;
  dischargedAt: Date | null;
  intakeMonth: string;
  risk: string | null;
  severity: string;
  nprsBaseline: number;
  nprsLatest: number | null;
  nprsDischarge: number | null;
  odiBaseline: number | null;
  odiLatest: number | null;
  odiDischarge: number | null;
  nprsMcidLatest: boolean;
  nprsMcidDischarge: boolean;
  odiMcidLatest: boolean;
  odiMcidDischarge: boolean;
  weeksInCare: number | null;
  adherence: number | null;
};

/** The condition selecting the episodes behind one figure (same filters as its aggregate above). */
export function figureCondition(figure: FigureKey | undefined): SQL {
  switch (figure) {
    case undefined:
    case 'started':
      return sql`true`;
    case 'active':
      return active;
    case 'discharged':
      return discharged;
    case 'nprs-latest':
      return sql`${active} and nprs_latest_change is not null`;
    case 'nprs-discharge':
    case 'nprs-mcid':
      return sql`${discharged} and nprs_discharge_change is not null`;
    case 'odi-latest':
      return sql`${active} and odi_latest_change is not null`;
    case 'odi-discharge':
    case 'odi-mcid':
      return sql`${discharged} and odi_discharge_change is not null`;
    case 'weeks':
      return sql`weeks_in_care is not null`;
    case 'odi-baseline-done':
      return sql`odi_baseline is not null`;
    case 'odi-discharge-done':
      return sql`${discharged} and odi_discharge is not null`;
    case 'adherence':
      return sql`adherence is not null`;
    case 'adherent':
      return sql`adherence >= ${ADHERENCE_BANDS[3].from}::float8`;
  }
}

function subsetCondition(subset: EpisodeSubset): SQL {
  const parts: SQL[] = [figureCondition(subset.figure)];
  if (subset.dimension && subset.key !== undefined) {
    const column = {
      clinician: sql`clinician_id::text`,
      month: sql`intake_month`,
      risk: sql`coalesce(risk, 'none')`,
      severity: sql`severity`,
    }[subset.dimension];
    parts.push(sql`${column} = ${subset.key}::text`);
  }
  return sql.join(parts, sql` and `);
}

/** Keyset position: the exact start time as PostgreSQL text (microseconds kept) and the episode id. */
export type EpisodeCursor = { startedAt: string; id: string };

const BATCH_SIZE = 500;

/**
 * Up to `limit` episodes of `subset` after `after`, in (started_at, id) order, for drill-downs and the
 * streamed export. Keyset pagination: each batch computes the per-episode CTE only for the next
 * BATCH_SIZE episodes of the scope, so the cost of a page does not grow with the clinic or with how far
 * in it is. `next` is null when the scope is exhausted.
 */
export async function listEpisodeOutcomes(
  executor: Executor,
  scope: OutcomeScope,
  subset: EpisodeSubset,
  page: { limit: number; after?: EpisodeCursor | null; batchSize?: number },
): Promise<{ rows: EpisodeOutcomeRow[]; next: EpisodeCursor | null }> {
  const batchSize = page.batchSize ?? BATCH_SIZE;
  const rows: EpisodeOutcomeRow[] = [];
  let after = page.after ?? null;
  for (;;) {
    const batch = await executeRows<EpisodeOutcomeRow & { matches: boolean; cursorAt: string; startedAt: Date | string; dischargedAt: Date | string | null }>(
      executor,
      sql`with ${perEpisode(scope, { after, size: batchSize })}
      select id, pseudonym, patient_id as "patientId", clinician_id as "clinicianId", status::text as status,
        started_at as "startedAt", discharged_at as "dischargedAt", intake_month as "intakeMonth", risk, severity,
        nprs_baseline as "nprsBaseline",
        nprs_latest as "nprsLatest", nprs_discharge as "nprsDischarge",
        odi_baseline as "odiBaseline", odi_latest as "odiLatest", odi_discharge as "odiDischarge",
        nprs_mcid_latest as "nprsMcidLatest", nprs_mcid_discharge as "nprsMcidDischarge",
        odi_mcid_latest as "odiMcidLatest", odi_mcid_discharge as "odiMcidDischarge",
        weeks_in_care as "weeksInCare", adherence::float8 as adherence,
        ${subsetCondition(subset)} as matches,
        to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt"
      from per_episode
      order by started_at, id`,
    );
    for (const row of batch) {
      after = { startedAt: row.cursorAt, id: row.id };
      if (!row.matches) continue;
      const { matches: _matches, cursorAt: _cursorAt, ...rest } = row;
      rows.push({
        ...rest,
        startedAt: new Date(rest.startedAt),
        dischargedAt: rest.dischargedAt === null ? null : new Date(rest.dischargedAt),
      });
      if (rows.length === page.limit) return { rows, next: after };
    }
    if (batch.length < batchSize) return { rows, next: null };
  }
}
