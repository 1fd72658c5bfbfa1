import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { executeRows } from '@/db/rows';
import { daysCountedThisWeek, weeklyAdherence, type Adherence } from '@/lib/clinical/adherence';
import { safetyCheckDue, type RedFlagUrgency, type SafetyCheckDue } from '@/lib/clinical/red-flags';
import { localDay, weekStartOf } from '@/lib/time';
import { toItem, type PlanItemSummary } from './exercise-logs';
import { getPatientContext, recordOwnRead } from './internal/patient-episode';
import { PATIENT_INSTRUMENTS, questionnaireStatusFor, type QuestionnaireStatus } from './questionnaires';
import { periodicScreenFilter } from './safety-checks';

export type TodayItem = PlanItemSummary & { doneToday: number; skippedToday: number };

type TodayRow = {
  items: (Omit<PlanItemSummary, 'dosage'> & PlanItemSummary['dosage'] & { position: number; doneToday: number; skippedToday: number; week: number })[];
  latest: { score: number; recordedAt: string; localDay: string } | null;
  emergency: boolean;
  lastCheck: string | null;
  responses: { id: string; instrument: string; status: string; completedAt: string | null; score: number | null; band: string | null }[];
  schedules: { instrument: string; intervalWeeks: number | null; enabled: boolean; dueAt: string | null }[];
};

export type TodayView = {
  name: string;
  clinicianName: string | null;
  episodeActive: boolean;
  today: string;
  items: TodayItem[];
  latestPain: { score: number; recordedAt: Date } | null;
  loggedPainToday: boolean;
  adherence: Adherence;
  nextQuestionnaire: QuestionnaireStatus | null;
  /** An emergency answer in the last 24 hours keeps the advice on the home page. */
  recentEmergency: boolean;
  /** The cancer, infection and fracture questions are due (first sign-in of the episode, then weekly). */
  safetyCheckDue: SafetyCheckDue;
};

/** Patient: their plan for today, progress today and this week, pain and what is due. Others: AppError('forbidden'). */
export async function getToday(): Promise<TodayView> {
  const { viewer, episode } = await getPatientContext();
  const today = localDay(new Date(), viewer.timeZone);
  const empty: TodayView = {
    name: viewer.name,
    clinicianName: null,
    episodeActive: false,
    today,
    items: [],
    latestPain: null,
    loggedPainToday: false,
    adherence: { logged: 0, prescribed: 0, fraction: null },
    nextQuestionnaire: null,
    recentEmergency: false,
    safetyCheckDue: null,
  };
  if (!episode) return empty;
  const weekStart = weekStartOf(today);
  // One statement for the whole page (one round trip, not one per panel): the plan with this week's counts per
  // item, the latest pain score, any emergency answer in the last 24 hours, and the questionnaire rows.
  const [row] = await executeRows<TodayRow>(
    getDb(),
    sql`select
      coalesce((
        select json_agg(item order by item.position) from (
          select pi.id as "planItemId", ex.slug as "exerciseSlug", ex.name, ex.summary, ex.category, ex.illustration,
                 pi.instructions_note as "instructionsNote", pi.sets, pi.reps, pi.hold_seconds as "holdSeconds",
                 pi.duration_minutes as "durationMinutes", pi.times_per_day as "timesPerDay", pi.days_per_week as "daysPerWeek",
                 pi.per_side as "perSide", pi.position,
                 coalesce(logs.done_today, 0) as "doneToday", coalesce(logs.skipped_today, 0) as "skippedToday", coalesce(logs.week, 0) as week
          from plan_items pi
          join exercises ex on ex.id = pi.exercise_id
          left join lateral (
            select count(*) filter (where l.status <> 'skipped' and l.local_day = ${today})::int as done_today,
                   count(*) filter (where l.status = 'skipped' and l.local_day = ${today})::int as skipped_today,
                   count(*) filter (where l.status <> 'skipped')::int as week
            from exercise_logs l
            where l.episode_id = ${episode.id} and l.plan_item_id = pi.id and l.local_day >= ${weekStart}
          ) logs on true
          where pi.plan_id = (select p.id from plans p where p.episode_id = ${episode.id} order by p.version desc limit 1)
        ) item), '[]'::json) as items,
      (select json_build_object('score', pe.score, 'recordedAt', pe.recorded_at, 'localDay', pe.local_day::text)
         from pain_entries pe where pe.episode_id = ${episode.id} order by pe.recorded_at desc limit 1) as latest,
      exists (select 1 from red_flag_screens rf where rf.episode_id = ${episode.id} and rf.urgency = ${'emergency' satisfies RedFlagUrgency}
              and rf.created_at > now() - interval '24 hours') as emergency,
      (select max(rf.created_at) from red_flag_screens rf where rf.episode_id = ${episode.id} and ${periodicScreenFilter('rf')}) as "lastCheck",
      coalesce((select json_agg(r order by r."completedAt" desc nulls first) from (
        select qr.id, qr.instrument, qr.status, qr.completed_at as "completedAt", qr.score, qr.band
        from questionnaire_responses qr
        where qr.episode_id = ${episode.id} and qr.instrument in (${sql.join(PATIENT_INSTRUMENTS.map((instrument) => sql`${instrument}`), sql`, `)})
      ) r), '[]'::json) as responses,
      coalesce((select json_agg(json_build_object('instrument', qs.instrument, 'intervalWeeks', qs.interval_weeks, 'enabled', qs.enabled, 'dueAt', qs.due_at))
         from questionnaire_schedules qs where qs.episode_id = ${episode.id}), '[]'::json) as schedules`,
  );
  const items = (row?.items ?? []).map((item) => ({ item: toItem(item), doneToday: item.doneToday, skippedToday: item.skippedToday, week: item.week }));
  const daysCounted = daysCountedThisWeek(today, localDay(episode.startedAt, viewer.timeZone));
  const adherence = weeklyAdherence(
    items.map(({ item, week }) => ({ timesPerDay: item.dosage.timesPerDay, daysPerWeek: item.dosage.daysPerWeek, logged: week })),
    daysCounted,
  );
  const latest = row?.latest ? { score: row.latest.score, recordedAt: new Date(row.latest.recordedAt), localDay: row.latest.localDay } : null;
  const statuses = await questionnaireStatusFor(episode, viewer.timeZone, {
    responses: (row?.responses ?? []).map((response) => ({ ...response, completedAt: response.completedAt ? new Date(response.completedAt) : null })),
    schedules: (row?.schedules ?? []).map((schedule) => ({ ...schedule, dueAt: schedule.dueAt ? new Date(schedule.dueAt) : null })),
  });
  const next = statuses
    .filter((status) => status.due)
    .sort((a, b) => (a.due!.dueDay < b.due!.dueDay ? -1 : a.due!.dueDay > b.due!.dueDay ? 1 : 0))[0];

  await recordOwnRead(viewer, 'patient.today.read', { type: 'episode', id: episode.id });
  return {
    ...empty,
    clinicianName: episode.clinicianName,
    episodeActive: episode.status === 'active',
    items: items.map(({ item, doneToday, skippedToday }) => ({ ...item, doneToday, skippedToday })),
    latestPain: latest ? { score: latest.score, recordedAt: latest.recordedAt } : null,
    loggedPainToday: latest?.localDay === today,
    adherence,
    nextQuestionnaire: next ?? null,
    recentEmergency: Boolean(row?.emergency),
    safetyCheckDue: episode.status === 'active' ? safetyCheckDue(row?.lastCheck ? new Date(row.lastCheck) : null, new Date()) : null,
  };
}

