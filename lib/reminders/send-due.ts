/**
 * The reminder job (docs/CLINICAL.md, "Reminders"): every few minutes, for each patient in active care,
 * load what the rules need, ask lib/reminders/schedule.ts which reminders are due now in the patient's
 * own day, and record each through notify(). notify()'s unique dedupe key makes each reminder at most
 * once, whichever process runs the job and however often (a retried job, two servers, a restart).
 * No `server-only` marker and no viewer: the job runner calls it for every clinic.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/connection';
import { executeRows } from '@/db/rows';
import { INSTRUMENTS, type Instrument } from '@/lib/clinical/instruments';
import { nextQuestionnaireDue } from '@/lib/clinical/questionnaire-schedule';
import { notify, type NotificationChannel } from '@/lib/notifications/notify';
import { localDay } from '@/lib/time';
import { personTimeZoneSql } from '@/lib/time/zone-sql';
import { DEFAULT_REMINDER_PREFERENCES, type ReminderKind, type ReminderPreferences } from './preferences';
import { remindersDue, type DueReminder } from './schedule';
import { listUnsubscribeHeaders } from './unsubscribe-token';

/** What every reminder says, whatever it is about: the details are behind sign-in (no health data). */
export function reminderTitle(clinicName: string): string {
  return `You have a new reminder from ${clinicName}`;
}

export const REMINDER_NOTIFICATION_KIND: Record<ReminderKind, string> = {
  exercise: 'reminder-exercise',
  questionnaire: 'reminder-questionnaire',
  nudge: 'reminder-nudge',
};

const REMINDER_LINK: Record<ReminderKind, string> = {
  exercise: '/patient',
  questionnaire: '/patient/questionnaires',
  nudge: '/patient',
};

type PatientRow = {
  user_id: string;
  clinic_name: string;
  zone: string;
  nudge_days: number;
  started_at: string | Date;
  interval_weeks: number;
  has_preferences: boolean;
  exercise_minutes: number[] | null;
  quiet_start: number | null;
  quiet_end: number | null;
  switches: boolean[] | null;
  plan_today: boolean;
  has_device: boolean;
  last_logged_day: string | null;
  completed: { instrument: Instrument; at: string }[];
  schedules: { instrument: Instrument; intervalWeeks: number | null; enabled: boolean; dueAt: string | null }[];
};

export type ReminderRunSummary = { patients: number; sent: number; duplicates: number };

/**
 * Sends every reminder due at `now`. `siteUrl` (AUTH_URL) builds the one-click unsubscribe link every
 * reminder email carries; without it no reminder goes by email, since one could not carry the link.
 */
export async function sendDueReminders(db: Db, now = new Date(), siteUrl: string | null = process.env.AUTH_URL ?? null): Promise<ReminderRunSummary> {
  const rows = await loadPatients(db, now);
  const summary: ReminderRunSummary = { patients: rows.length, sent: 0, duplicates: 0 };
  const due: { row: PatientRow; reminder: DueReminder }[] = [];
  for (const [index, row] of rows.entries()) {
    for (const reminder of remindersDue(now, factsOf(row, now))) due.push({ row, reminder });
    // Working out a whole clinic's day takes the thread for a while; a break every 50 patients lets the
    // requests that arrived meanwhile through when the runner shares a process with the pages.
    if (index % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
  }
  // A reminder stays due for the rest of its window (a questionnaire until it is answered, the nudge
  // until something is logged), so most runs find most of them already recorded. One lookup by the
  // unique key skips those; notify()'s own dedupe still decides when two runs race.
  const recorded = await alreadyRecorded(db, due.map(({ reminder }) => reminder.dedupeKey));
  for (const { row, reminder } of due) {
    if (recorded.has(reminder.dedupeKey)) {
      summary.duplicates += 1;
      continue;
    }
    const created = await record(db, row, reminder, now, siteUrl);
    if (created === null) continue;
    if (created) summary.sent += 1;
    else summary.duplicates += 1;
  }
  return summary;
}

async function alreadyRecorded(db: Db, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await executeRows<{ dedupe_key: string }>(db, sql`select dedupe_key from notifications where dedupe_key in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`);
  return new Set(rows.map((row) => row.dedupe_key));
}

/** One reminder through notify(); true when recorded now, false when it already was, null when there was nothing to send on. */
async function record(db: Db, row: PatientRow, reminder: DueReminder, now: Date, siteUrl: string | null): Promise<boolean | null> {
  // Push only to someone with a device that has push on, so the delivery counts are not full of
  // "nowhere to send"; email only with an unsubscribe link to carry.
  const channels = reminder.channels.filter(
    (channel): channel is NotificationChannel => (channel === 'push' && row.has_device) || (channel === 'email' && siteUrl !== null),
  );
  const inApp = reminder.channels.includes('in-app');
  if (channels.length === 0 && !inApp) return null;
  return db.transaction(async (tx) => {
    const result = await notify(tx, {
      userId: row.user_id,
      kind: REMINDER_NOTIFICATION_KIND[reminder.kind],
      title: reminderTitle(row.clinic_name),
      href: REMINDER_LINK[reminder.kind],
      dedupeKey: reminder.dedupeKey,
      channels,
      emailHeaders: channels.includes('email') ? listUnsubscribeHeaders(siteUrl!, row.user_id, reminder.kind) : undefined,
      redirectWhenAway: false,
      now,
    });
    if (result.status !== 'created') return result.status === 'duplicate' ? false : null;
    // In-app switched off: the notification is still the record its deliveries hang on, but it arrives
    // already read, so it adds nothing to the unread count.
    if (!inApp && result.notificationId) await tx.execute(sql`update notifications set read_at = ${now.toISOString()}::timestamptz where id = ${result.notificationId}`);
    return true;
  });
}

function preferencesOf(row: PatientRow): ReminderPreferences {
  if (!row.has_preferences || !row.switches) return DEFAULT_REMINDER_PREFERENCES;
  const [exerciseInApp, exerciseEmail, exercisePush, questionnaireInApp, questionnaireEmail, questionnairePush, nudgeInApp, nudgeEmail, nudgePush] = row.switches;
  return {
    exerciseMinutes: (row.exercise_minutes ?? []).map(Number),
    quiet: row.quiet_start !== null && row.quiet_end !== null ? { start: row.quiet_start, end: row.quiet_end } : null,
    channels: {
      exercise: { 'in-app': Boolean(exerciseInApp), email: Boolean(exerciseEmail), push: Boolean(exercisePush) },
      questionnaire: { 'in-app': Boolean(questionnaireInApp), email: Boolean(questionnaireEmail), push: Boolean(questionnairePush) },
      nudge: { 'in-app': Boolean(nudgeInApp), email: Boolean(nudgeEmail), push: Boolean(nudgePush) },
    },
  };
}

function factsOf(row: PatientRow, now: Date) {
  const today = localDay(now, row.zone);
  const startDay = localDay(new Date(row.started_at), row.zone);
  const completedDays = row.completed.map((response) => ({ instrument: response.instrument, day: localDay(new Date(response.at), row.zone) }));
  const dueQuestionnaires = INSTRUMENTS.flatMap((instrument) => {
    const schedule = row.schedules.find((candidate) => candidate.instrument === instrument);
    const due = nextQuestionnaireDue({
      instrument,
      episodeStartDay: startDay,
      today,
      episodeIntervalWeeks: row.interval_weeks,
      override: schedule ? { enabled: schedule.enabled, intervalWeeks: schedule.intervalWeeks, dueDay: schedule.dueAt ? localDay(new Date(schedule.dueAt), row.zone) : null } : null,
      completedDays: completedDays.filter((response) => response.instrument === instrument).map((response) => response.day),
    });
    return due?.isDue ? [{ instrument, dueDay: due.dueDay }] : [];
  });
  const activity = [startDay, row.last_logged_day, ...completedDays.map((response) => response.day)].filter((day): day is string => Boolean(day)).sort();
  return {
    userId: row.user_id,
    timeZone: row.zone,
    preferences: preferencesOf(row),
    planHasExercisesToday: row.plan_today,
    dueQuestionnaires,
    lastActivityDay: activity.at(-1)!,
    nudgeDays: row.nudge_days,
  };
}

/**
 * Every active patient in active care, with what the rules need. "The plan has exercises today" is
 * decided here for the patient's own today: an item of their current plan still wants a session today
 * when today's sessions of it are fewer than its times a day and the days it was done this week (Monday
 * on) are fewer than its days a week.
 */
async function loadPatients(db: Db, now: Date): Promise<PatientRow[]> {
  const at = now.toISOString();
  const zone = personTimeZoneSql(sql`u.time_zone`, sql`c.time_zone`);
  return executeRows<PatientRow>(
    db,
    sql`with patients as (
          select u.id as user_id, c.name as clinic_name, ${zone} as zone, c.reminder_nudge_days as nudge_days,
                 e.id as episode_id, e.started_at, e.questionnaire_interval_weeks as interval_weeks,
                 ((${at}::timestamptz) at time zone ${zone})::date as today
          from episodes e
          join users u on u.id = e.patient_id and u.active
          join clinics c on c.id = e.clinic_id
          where e.status = 'active'
        )
        select p.user_id, p.clinic_name, p.zone, p.nudge_days, p.started_at, p.interval_weeks,
               rp.user_id is not null as has_preferences, rp.exercise_minutes, rp.quiet_start_minute as quiet_start, rp.quiet_end_minute as quiet_end,
               array[rp.exercise_in_app, rp.exercise_email, rp.exercise_push, rp.questionnaire_in_app, rp.questionnaire_email,
                     rp.questionnaire_push, rp.nudge_in_app, rp.nudge_email, rp.nudge_push] as switches,
               exists (
                 select 1 from plan_items pi
                 where pi.plan_id = (select pl.id from plans pl where pl.episode_id = p.episode_id order by pl.version desc limit 1)
                   and (select count(*) from exercise_logs l where l.plan_item_id = pi.id and l.episode_id = p.episode_id
                          and l.local_day = p.today and l.status <> 'skipped') < pi.times_per_day
                   and (select count(distinct l.local_day) from exercise_logs l where l.plan_item_id = pi.id and l.episode_id = p.episode_id
                          and l.local_day >= date_trunc('week', p.today)::date and l.local_day < p.today and l.status <> 'skipped') < pi.days_per_week
               ) as plan_today,
               exists (select 1 from push_subscriptions ps where ps.user_id = p.user_id and ps.retired_at is null) as has_device,
               greatest(
                 (select max(pe.local_day) from pain_entries pe where pe.episode_id = p.episode_id),
                 (select max(l.local_day) from exercise_logs l where l.episode_id = p.episode_id)
               )::text as last_logged_day,
               coalesce((select json_agg(json_build_object('instrument', qr.instrument, 'at', qr.completed_at))
                         from questionnaire_responses qr where qr.episode_id = p.episode_id and qr.status = 'completed' and qr.completed_at is not null), '[]'::json) as completed,
               coalesce((select json_agg(json_build_object('instrument', qs.instrument, 'intervalWeeks', qs.interval_weeks, 'enabled', qs.enabled, 'dueAt', qs.due_at))
                         from questionnaire_schedules qs where qs.episode_id = p.episode_id), '[]'::json) as schedules
        from patients p
        left join reminder_preferences rp on rp.user_id = p.user_id`,
  );
}
