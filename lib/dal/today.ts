import 'server-only';
import { sql } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { executeRows } from '@/db/rows';
import { daysCountedThisWeek, weeklyAdherence, type Adherence } from '@/lib/clinical/adherence';
import { safetyCheckDue, type RedFlagUrgency, type SafetyCheckDue } from '@/lib/clinical/red-flags';
import { localDay, weekStartOf } from '@/lib/time';
import { toItem, type PlanItemSummary } from './exercise-logs';
import { getPatientContext, recordOwnRead, type PatientContext } from './internal/patient-episode';
import { PATIENT_INSTRUMENTS, questionnaireStatusFor, type QuestionnaireStatus } from './questionnaires';
import { periodicScreenFilter } from './safety-checks';

export type TodayItem = PlanItemSummary & { doneToday: number; skippedToday: number };

type PlanRow = {
  items: (Omit<PlanItemSummary, 'dosage'> & PlanItemSummary['dosage'] & { position: number; doneToday: number; skippedToday: number; week: number })[];
};
type StatusRow = {
  latest: { score: number; recordedAt: string; localDay: string } | null;
  emergency: boolean;
  lastCheck: string | null;
};
type QuestionnaireRow = {
  responses: { id: string; instrument: string; status: string; completedAt: string | null; score: number | null; band: string | null }[];
  schedules: { instrument: string; intervalWeeks: number | null; enabled: boolean; dueAt: string | null }[];
};

/** The page's frame: who, their clinician, and the patient's today. */
export type TodayShell = { name: string; clinicianName: string | null; episodeActive: boolean; today: string };
/** The top panel: what needs attention first (emergency advice, the safety questions) and the latest pain score. */
export type TodayStatus = {
  latestPain: { score: number; recordedAt: Date } | null;
  loggedPainToday: boolean;
  /** An emergency answer in the last 24 hours keeps the advice on the home page. */
  recentEmergency: boolean;
  /** The cancer, infection and fracture questions are due (first sign-in of the episode, then weekly). */
  safetyCheckDue: SafetyCheckDue;
};
/** Today's exercises, with progress today and this week. */
export type TodayPlan = { items: TodayItem[]; adherence: Adherence };

export type TodayView = TodayShell & TodayStatus & TodayPlan & { nextQuestionnaire: QuestionnaireStatus | null };

const NO_STATUS: TodayStatus = { latestPain: null, loggedPainToday: false, recentEmergency: false, safetyCheckDue: null };
const NO_PLAN: TodayPlan = { items: [], adherence: { logged: 0, prescribed: 0, fraction: null } };

/**
 * The patient's context with the view's one audit row. Cached per request (React cache): Today's panels
 * stream in separately and each asks, but one page view is one 'patient.today.read'.
 */
const todayContext = cache(async (): Promise<PatientContext> => {
  const context = await getPatientContext();
  if (context.episode) await recordOwnRead(context.viewer, 'patient.today.read', { type: 'episode', id: context.episode.id });
  return context;
});

function shellOf({ viewer, episode }: PatientContext): TodayShell {
  return {
    name: viewer.name,
    clinicianName: episode?.clinicianName ?? null,
    episodeActive: episode?.status === 'active',
    today: localDay(new Date(), viewer.timeZone),
  };
}

async function loadStatus({ viewer, episode }: PatientContext): Promise<TodayStatus> {
  if (!episode) return NO_STATUS;
  const [row] = await executeRows<StatusRow>(
    getDb(),
    sql`select
      (select json_build_object('score', pe.score, 'recordedAt', pe.recorded_at, 'localDay', pe.local_day::text)
         from pain_entries pe where pe.episode_id = ${episode.id} order by pe.recorded_at desc limit 1) as latest,
      exists (select 1 from red_flag_screens rf where rf.episode_id = ${episode.id} and rf.urgency = ${'emergency' satisfies RedFlagUrgency}
              and rf.created_at > now() - interval '24 hours') as emergency,
      (select max(rf.created_at) from red_flag_screens rf where rf.episode_id = ${episode.id} and ${periodicScreenFilter('rf')}) as "lastCheck"`,
  );
  const latest = row?.latest ?? null;
  return {
    latestPain: latest ? { score: latest.score, recordedAt: new Date(latest.recordedAt) } : null,
    loggedPainToday: latest?.localDay === localDay(new Date(), viewer.timeZone),
    recentEmergency: Boolean(row?.emergency),
    safetyCheckDue: episode.status === 'active' ? safetyCheckDue(row?.lastCheck ? new Date(row.lastCheck) : null, new Date()) : null,
  };
}

async function loadPlan({ viewer, episode }: PatientContext): Promise<TodayPlan> {
  if (!episode) return NO_PLAN;
  const today = localDay(new Date(), viewer.timeZone);
  const weekStart = weekStartOf(today);
  // The latest plan version's items with this week's counts per item, in one statement.
  const [row] = await executeRows<PlanRow>(
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
        ) item), '[]'::json) as items`,
  );
  const items = (row?.items ?? []).map((item) => ({ item: toItem(item), doneToday: item.doneToday, skippedToday: item.skippedToday, week: item.week }));
  const daysCounted = daysCountedThisWeek(today, localDay(episode.startedAt, viewer.timeZone));
  return {
    items: items.map(({ item, doneToday, skippedToday }) => ({ ...item, doneToday, skippedToday })),
    adherence: weeklyAdherence(
      items.map(({ item, week }) => ({ timesPerDay: item.dosage.timesPerDay, daysPerWeek: item.dosage.daysPerWeek, logged: week })),
      daysCounted,
    ),
  };
}

async function loadNextQuestionnaire({ viewer, episode }: PatientContext): Promise<QuestionnaireStatus | null> {
  if (!episode) return null;
  const [row] = await executeRows<QuestionnaireRow>(
    getDb(),
    sql`select
      coalesce((select json_agg(r order by r."completedAt" desc nulls first) from (
        select qr.id, qr.instrument, qr.status, qr.completed_at as "completedAt", qr.score, qr.band
        from questionnaire_responses qr
        where qr.episode_id = ${episode.id} and qr.instrument in (${sql.join(PATIENT_INSTRUMENTS.map((instrument) => sql`${instrument}`), sql`, `)})
      ) r), '[]'::json) as responses,
      coalesce((select json_agg(json_build_object('instrument', qs.instrument, 'intervalWeeks', qs.interval_weeks, 'enabled', qs.enabled, 'dueAt', qs.due_at))
         from questionnaire_schedules qs where qs.episode_id = ${episode.id}), '[]'::json) as schedules`,
  );
  const statuses = await questionnaireStatusFor(episode, viewer.timeZone, {
    responses: (row?.responses ?? []).map((response) => ({ ...response, completedAt: response.completedAt ? new Date(response.completedAt) : null })),
    schedules: (row?.schedules ?? []).map((schedule) => ({ ...schedule, dueAt: schedule.dueAt ? new Date(schedule.dueAt) : null })),
  });
  const next = statuses
    .filter((status) => status.due)
    .sort((a, b) => (a.due!.dueDay < b.due!.dueDay ? -1 : a.due!.dueDay > b.due!.dueDay ? 1 : 0))[0];
  return next ?? null;
}

/** Patient: their name, clinician and today, with the view recorded once per request. Others: AppError('forbidden'). */
export async function getTodayShell(): Promise<TodayShell> {
  return shellOf(await todayContext());
}

/** Patient: the top of their Today (emergency advice, safety questions due, latest pain). Others: AppError('forbidden'). */
export async function getTodayStatus(): Promise<TodayStatus> {
  return loadStatus(await todayContext());
}

/**
 * Patient: their plan for today with progress today and this week. Others: AppError('forbidden').
 * Once per request (React cache): Today's exercises, week and saved-notice panels all show it.
 */
export const getTodayPlan = cache(async (): Promise<TodayPlan> => loadPlan(await todayContext()));

/** Patient: the questionnaire due next (or now), if any. Others: AppError('forbidden'). */
export async function getNextQuestionnaire(): Promise<QuestionnaireStatus | null> {
  return loadNextQuestionnaire(await todayContext());
}

/** Patient: all of Today at once, with one audit row per call. Others: AppError('forbidden'). */
export async function getToday(): Promise<TodayView> {
  const context = await todayContext();
  const [status, plan, nextQuestionnaire] = await Promise.all([loadStatus(context), loadPlan(context), loadNextQuestionnaire(context)]);
  return { ...shellOf(context), ...status, ...plan, nextQuestionnaire };
}
