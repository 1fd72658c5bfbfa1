/**
 * Per-episode figures for the caseload and the time-based alert rules, computed in one SQL statement
 * so a caseload of hundreds is one round trip. Most figures come from episode_summaries (kept on write
 * by triggers); the newest plan version, open alerts and questionnaire schedules are one index probe
 * each.
 * No `server-only` marker: the scheduled evaluation script uses it too. It performs no authorization:
 * callers pass a `scope` condition that already limits the episodes to what the viewer may see.
 *
 * Adherence windows are the full days before today in the patient's time zone (today is still under
 * way); the sessions prescribed are those of the newest plan version, pro rata for days in care in the
 * 7-day figure; the 14-day low-adherence rule needs 14 full days of care.
 */
import { sql, type SQL } from 'drizzle-orm';
import { ADHERENCE_WINDOWS } from '@/lib/clinical/adherence';
import { INACTIVE_DAYS, LOW_ADHERENCE_RULE } from '@/lib/clinical/alerts';
import { INSTRUMENTS } from '@/lib/clinical/instruments';
import { OVERDUE_AFTER_DAYS, REQUEST_WINDOW_DAYS } from '@/lib/clinical/questionnaire-schedule';
import { personTimeZoneSql } from '@/lib/time/zone-sql';


export type EpisodeMetricsRow = {
  episode_id: string;
  patient_id: string;
  patient_name: string;
  date_of_birth: string | null;
  started_at: Date | string;
  intake_nprs: number;
  weeks_in_care: number;
  latest_pain: number | null;
  latest_pain_at: Date | string | null;
  last_activity_at: Date | string | null;
  odi_baseline: number | null;
  odi_latest: number | null;
  startback_risk: string | null;
  logged_7: number;
  prescribed_7: number;
  logged_14: number;
  prescribed_14: number;
  adherence_7: number | null;
  open_reasons: string[] | null;
  overdue_instruments: string[] | null;
  is_inactive: boolean;
  is_low_adherence: boolean;
};

/** How many days back from the newest session day episode_summaries.session_totals reaches (migration 0007). */
const SESSION_TOTAL_DAYS = 28;
// Every instrument as an SQL array literal: built from the one list in code, written into the statement's
// text (not sent as a parameter) so the caseload's statement stays the same text for every call.
const INSTRUMENT_ARRAY = sql.raw(`array[${INSTRUMENTS.map((instrument) => `'${instrument}'`).join(', ')}]`);
// The low-adherence window is counted from those totals, so it cannot reach further back than they do.
if (LOW_ADHERENCE_RULE.windowDays > SESSION_TOTAL_DAYS) throw new Error('LOW_ADHERENCE_RULE.windowDays is longer than episode_summaries.session_totals');

/**
 * Exercise sessions from `day` to the episode's newest session day, from the running totals kept in
 * episode_summaries: session_totals[j] counts the j days ending with last_session_day. A day after the
 * newest gives a subscript below 1, which is NULL, so 0.
 */
const sessionsFrom = (day: SQL) =>
  sql`coalesce(es.session_totals[least(es.last_session_day - (${day}) + 1, ${sql.raw(String(SESSION_TOTAL_DAYS))})], 0)`;

/**
 * The metrics CTE `m`, for active episodes matching `scope` (a condition over `e`, the episodes table).
 * Use as `with ${episodeMetricsCte(scope, now)} select … from m`.
 */
export function episodeMetricsCte(scope: SQL, now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  const overdueAfter = sql.raw(String(OVERDUE_AFTER_DAYS));
  const requestWindow = sql.raw(String(REQUEST_WINDOW_DAYS));
  const recentDays = sql.raw(String(ADHERENCE_WINDOWS.recent.days));
  const patientZone = personTimeZoneSql(sql`p.time_zone`, sql`c.time_zone`);
  return sql`ep as (
    select e.id as episode_id, e.patient_id, p.name as patient_name, p.date_of_birth::text as date_of_birth,
           e.started_at, e.intake_nprs, e.questionnaire_interval_weeks,
           ${patientZone} as zone,
           (${at} at time zone ${patientZone})::date as today,
           (e.started_at at time zone ${patientZone})::date as start_day
    from episodes e
    join users p on p.id = e.patient_id
    join clinics c on c.id = e.clinic_id
    where e.status = 'active' and ${scope}
  ), m as (
    select ep.episode_id, ep.patient_id, ep.patient_name, ep.date_of_birth, ep.started_at, ep.intake_nprs,
      (floor(extract(epoch from (${at} - ep.started_at)) / 604800))::int as weeks_in_care,
      es.last_pain::int as latest_pain, es.last_pain_at as latest_pain_at,
      greatest(es.last_pain_at, es.last_exercise_at, es.last_odi_completed_at, es.last_startback_completed_at,
        es.last_psfs_completed_at, es.last_rmdq_completed_at) as last_activity_at,
      es.first_odi as odi_baseline, es.last_odi as odi_latest,
      es.last_startback_risk as startback_risk,
      (${sessionsFrom(sql`ep.today - ${recentDays}`)} - ${sessionsFrom(sql`ep.today`)})::int as logged_7,
      (coalesce(pl.per_week, 0) * least(${recentDays}, greatest(0, ep.today - ep.start_day)) / 7.0)::float8 as prescribed_7,
      (${sessionsFrom(sql`ep.today - ${sql.raw(String(LOW_ADHERENCE_RULE.windowDays))}`)} - ${sessionsFrom(sql`ep.today`)})::int as logged_14,
      -- Low adherence is judged only over a full 14-day window: the first two weeks of care are not enough to say.
      (case when ep.today - ep.start_day >= ${LOW_ADHERENCE_RULE.windowDays} then coalesce(pl.per_week, 0) * ${LOW_ADHERENCE_RULE.windowDays} / 7.0 else 0 end)::float8 as prescribed_14,
      al.open_reasons,
      od.overdue_instruments
    from ep
    -- Latest pain, exercise log, questionnaire of each instrument and STarT Back band, first and latest
    -- Oswestry and running totals of the recent exercise sessions, kept on write (migrations 0002, 0006, 0007).
    left join episode_summaries es on es.episode_id = ep.episode_id
    left join lateral (
      select pv.sessions_per_week as per_week from plans pv
      where pv.episode_id = ep.episode_id order by pv.version desc limit 1
    ) pl on true
    left join lateral (
      select array_agg(a.reason::text order by a.reason) as open_reasons from alerts a
      where a.episode_id = ep.episode_id and a.acknowledged_at is null and a.resolved_at is null
    ) al on true
    -- Questionnaire overdue, exactly as nextQuestionnaireDue (lib/clinical/questionnaire-schedule.ts) decides
    -- it, in the patient's calendar days and with its constants: an instrument is overdue when any of its
    -- due days (the baseline at the start, the next routine one after the last answer, a one-off request not
    -- yet met) lies OVERDUE_AFTER_DAYS or more before today.
    left join lateral (
      select array_agg(i.instrument::text order by i.instrument) filter (where
        coalesce(qs.enabled, i.instrument <> 'RMDQ') and (
          (lc.last_day is null and ep.start_day + ${overdueAfter} <= ep.today)
          or (lc.last_day is not null and iv.weeks is not null and lc.last_day + 7 * iv.weeks + ${overdueAfter} <= ep.today)
          or (qs.due_at is not null
            and (lc.last_day is null or lc.last_day < (qs.due_at at time zone ep.zone)::date - ${requestWindow})
            and (qs.due_at at time zone ep.zone)::date + ${overdueAfter} <= ep.today)
        )
      ) as overdue_instruments
      from unnest(${INSTRUMENT_ARRAY}::instrument[]) as i(instrument)
      left join questionnaire_schedules qs on qs.episode_id = ep.episode_id and qs.instrument = i.instrument
      -- STarT Back has no routine interval unless its schedule row gives one.
      cross join lateral (
        select coalesce(qs.interval_weeks::int, case when i.instrument = 'STARTBACK' then null else ep.questionnaire_interval_weeks::int end) as weeks
      ) iv
      cross join lateral (
        select (case i.instrument
          when 'ODI' then es.last_odi_completed_at
          when 'STARTBACK' then es.last_startback_completed_at
          when 'PSFS' then es.last_psfs_completed_at
          when 'RMDQ' then es.last_rmdq_completed_at
        end at time zone ep.zone)::date as last_day
      ) lc
    ) od on true
  ), metrics as (
    select m.*,
      -- ADHERENCE_RULE (lib/clinical/adherence.ts): sessions count up to what the plan asked for.
      case when m.prescribed_7 > 0 then round(100 * least(m.logged_7, m.prescribed_7) / m.prescribed_7)::int end as adherence_7,
      (${at} - greatest(m.started_at, coalesce(m.last_activity_at, m.started_at)) >= make_interval(days => ${INACTIVE_DAYS})) as is_inactive,
      (m.prescribed_14 > 0 and m.logged_14 < m.prescribed_14 * ${LOW_ADHERENCE_RULE.fraction}::float8) as is_low_adherence
    from m
  )`;
}
