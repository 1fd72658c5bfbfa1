/**
 * Raises alerts from the rules in lib/clinical/alerts.ts. Used inside the transaction of the write
 * that triggers a rule (a pain entry, a red-flag answer) and by the scheduled evaluation.
 * No `server-only` marker: scripts (seed, scheduled evaluation) call it with their own executor.
 * It performs no authorization: callers are DAL functions that already checked the viewer.
 */
import { and, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db/connection';
import { executeRows } from '@/db/rows';
import { alerts, clinics, episodes, painEntries, questionnaireResponses, users } from '@/db/schema';
import {
  INACTIVE_DAYS,
  isInactive,
  isLowAdherence,
  isSeverePain,
  isWorsening,
  LOW_ADHERENCE_RULE,
  questionnaireWorsening,
  QUESTIONNAIRE_WORSENING,
  type AlertReason,
  type DailyPain,
  type QuestionnaireInstrument,
} from '@/lib/clinical/alerts';
import type { AlertUrgency } from '@/lib/clinical/escalation';
import { INSTRUMENT_NAMES } from '@/lib/clinical/instruments';
import { OVERDUE_AFTER_DAYS } from '@/lib/clinical/questionnaire-schedule';
import { addDays, localDay } from '@/lib/time';
import { personTimeZoneSql } from '@/lib/time/zone-sql';
import { notifyUrgentAlert } from '@/lib/notifications/staff';
import { episodeMetricsCte, type EpisodeMetricsRow } from './episode-metrics';

export type RaiseAlertInput = {
  episodeId: string;
  reason: AlertReason;
  urgency: AlertUrgency;
  message: string;
  detail?: Record<string, unknown>;
  raisedAt?: Date;
};

/**
 * Inserts an alert unless one is already open for the same episode and reason (the partial unique
 * index alerts_open_unique). Returns true when a new alert was raised. An emergency or same-day alert
 * notifies its clinician in the same transaction (lib/notifications/staff.ts), so the alert and the
 * notification commit together and the in-app count shows it at once.
 */
export async function raiseAlert(executor: Db | Tx, input: RaiseAlertInput): Promise<boolean> {
  const inserted = await executor
    .insert(alerts)
    .values({
      episodeId: input.episodeId,
      reason: input.reason,
      urgency: input.urgency,
      message: input.message,
      detail: input.detail ?? {},
      raisedAt: input.raisedAt ?? new Date(),
    })
    .onConflictDoNothing()
    .returning({ id: alerts.id });
  if (inserted.length === 0) return false;
  await notifyUrgentAlert(executor, inserted[0]!.id, input.urgency, input.raisedAt ?? new Date());
  return true;
}

/** Worsening and severe-pain rules over the episode's recent daily pain. Returns the reasons raised. */
export async function evaluatePainAlerts(
  executor: Db | Tx,
  episodeId: string,
  now = new Date(),
  /** The episode as the caller already read it (saves a query on the pain-log path). */
  known?: { intakeNprs: number; timeZone: string; status: 'active' | 'discharged' },
): Promise<AlertReason[]> {
  const [episode] = known
    ? [known]
    : await executor
        .select({ intakeNprs: episodes.intakeNprs, timeZone: personTimeZoneSql(users.timeZone, clinics.timeZone), status: episodes.status })
        .from(episodes)
        .innerJoin(users, eq(users.id, episodes.patientId))
        .innerJoin(clinics, eq(clinics.id, episodes.clinicId))
        .where(eq(episodes.id, episodeId))
        .limit(1);
  if (!episode || episode.status !== 'active') return [];
  // The patient's day: the run of bad days and "today" are counted on their calendar.
  const today = localDay(now, episode.timeZone);
  // The 3-day run and the 7-day baseline before it: 10 calendar days up to today. Each entry's day is the
  // one stored with it (the patient's time zone when they logged it), as on the progress page and the
  // record; the highest score per day comes from the database (a patient logging often sends one row a
  // day, not one per entry). `since` lets the (episode, time) index bound the scan: a day in the window
  // starts after it in any time zone.
  const since = new Date(`${addDays(today, -11)}T00:00:00Z`);
  const days = await executeRows<DailyPain>(
    executor,
    sql`select local_day::text as day, max(score)::int as score from ${painEntries}
        where episode_id = ${episodeId} and recorded_at >= ${since.toISOString()}::timestamptz
          and local_day >= ${addDays(today, -10)}::date
        group by local_day order by local_day`,
  );
  const raised: AlertReason[] = [];

  const worsening = isWorsening(days, today, episode.intakeNprs);
  if (worsening.worsening) {
    const isNew = await raiseAlert(executor, {
      episodeId,
      reason: 'worsening',
      urgency: 'same-day',
      message: `Pain has been at least 2 points above the usual level (${worsening.baseline}) for 3 days in a row.`,
      detail: { baseline: worsening.baseline, lastThree: worsening.lastThree, today },
      raisedAt: now,
    });
    if (isNew) raised.push('worsening');
  }
  if (isSeverePain(days, today)) {
    const lastTwo = days.slice(-2).map((day) => day.score);
    const isNew = await raiseAlert(executor, {
      episodeId,
      reason: 'severe-pain',
      urgency: 'same-day',
      message: 'Pain of 8 or more out of 10 on 2 days in a row.',
      detail: { lastTwo, today },
      raisedAt: now,
    });
    if (isNew) raised.push('severe-pain');
  }
  return raised;
}

/**
 * Questionnaire worsening (ODI +10, RMDQ +5, PSFS mean −2 against the previous response). Call it in the
 * transaction that completes a questionnaire. Returns the reasons raised (at most one alert while open).
 */
export async function evaluateQuestionnaireAlerts(executor: Db | Tx, episodeId: string, now = new Date()): Promise<AlertReason[]> {
  const instruments = Object.keys(QUESTIONNAIRE_WORSENING) as QuestionnaireInstrument[];
  for (const instrument of instruments) {
    const lastTwo = await executor
      .select({ score: questionnaireResponses.score, completedAt: questionnaireResponses.completedAt })
      .from(questionnaireResponses)
      .where(
        and(
          eq(questionnaireResponses.episodeId, episodeId),
          eq(questionnaireResponses.instrument, instrument),
          eq(questionnaireResponses.status, 'completed'),
          isNotNull(questionnaireResponses.score),
        ),
      )
      .orderBy(desc(questionnaireResponses.completedAt))
      .limit(2);
    if (lastTwo.length < 2) continue;
    const [latest, previous] = [lastTwo[0]!.score!, lastTwo[1]!.score!];
    if (!questionnaireWorsening(instrument, previous, latest)) continue;
    const direction = instrument === 'PSFS' ? 'fell' : 'rose';
    const isNew = await raiseAlert(executor, {
      episodeId,
      reason: 'questionnaire-worsening',
      urgency: 'routine',
      message: `The ${INSTRUMENT_NAMES[instrument]} ${direction} from ${round1(previous)} to ${round1(latest)} since the previous answers.`,
      detail: { instrument, previous: round1(previous), latest: round1(latest), completedAt: lastTwo[0]!.completedAt },
      raisedAt: now,
    });
    return isNew ? ['questionnaire-worsening'] : [];
  }
  return [];
}

const round1 = (value: number) => Math.round(value * 10) / 10;

const TIME_BASED: AlertReason[] = ['inactive', 'low-adherence', 'questionnaire-overdue'];

export type EvaluationSummary = { episodes: number; raised: Record<string, number>; resolved: number };

/**
 * The scheduled evaluation of the time-based rules (inactive, low adherence, questionnaire overdue) for
 * every active episode, or those matching `scope`. Raises what holds now and marks as resolved the open
 * time-based alerts whose condition no longer holds (never red flags: those wait for a clinician).
 */
export async function evaluateTimeBasedAlerts(
  executor: Db | Tx,
  options: { now?: Date; scope?: SQL } = {},
): Promise<EvaluationSummary> {
  const now = options.now ?? new Date();
  const rows = await executeRows<EpisodeMetricsRow & Record<string, unknown>>(
    executor,
    sql`with ${episodeMetricsCte(options.scope ?? sql`true`, now)} select * from metrics`,
  );
  const summary: EvaluationSummary = { episodes: rows.length, raised: {}, resolved: 0 };
  for (const row of rows) {
    const holding = new Set<AlertReason>();
    const lastActivity = row.last_activity_at ? new Date(row.last_activity_at) : null;
    if (isInactive(lastActivity, now, new Date(row.started_at))) {
      holding.add('inactive');
      await raise(executor, summary, {
        episodeId: row.episode_id,
        reason: 'inactive',
        urgency: 'routine',
        message: `Nothing logged for ${INACTIVE_DAYS} days or more.`,
        detail: { lastActivityAt: lastActivity?.toISOString() ?? null },
        raisedAt: now,
      }, row.open_reasons);
    }
    if (isLowAdherence(row.prescribed_14, row.logged_14)) {
      holding.add('low-adherence');
      const prescribed = Math.round(row.prescribed_14);
      await raise(executor, summary, {
        episodeId: row.episode_id,
        reason: 'low-adherence',
        urgency: 'routine',
        message: `${row.logged_14} of about ${prescribed} prescribed exercise sessions logged over the last ${LOW_ADHERENCE_RULE.windowDays} days.`,
        detail: { logged: row.logged_14, prescribed, windowDays: LOW_ADHERENCE_RULE.windowDays },
        raisedAt: now,
      }, row.open_reasons);
    }
    if (row.overdue_instruments?.length) {
      holding.add('questionnaire-overdue');
      await raise(executor, summary, {
        episodeId: row.episode_id,
        reason: 'questionnaire-overdue',
        urgency: 'routine',
        message: `Questionnaire not answered ${OVERDUE_AFTER_DAYS} days after its due date: ${row.overdue_instruments.join(', ')}.`,
        detail: { instruments: row.overdue_instruments },
        raisedAt: now,
      }, row.open_reasons);
    }
    const cleared = TIME_BASED.filter((reason) => !holding.has(reason) && row.open_reasons?.includes(reason));
    if (cleared.length > 0) {
      const resolved = await executor
        .update(alerts)
        .set({ resolvedAt: now })
        .where(
          and(
            eq(alerts.episodeId, row.episode_id),
            inArray(alerts.reason, cleared),
            isNull(alerts.acknowledgedAt),
            isNull(alerts.resolvedAt),
          ),
        )
        .returning({ id: alerts.id });
      summary.resolved += resolved.length;
    }
  }
  return summary;
}

async function raise(executor: Db | Tx, summary: EvaluationSummary, input: RaiseAlertInput, open: readonly string[] | null): Promise<void> {
  // An alert already open for this reason would make the insert a no-op (alerts_open_unique); skipping it
  // keeps a whole-clinic run to one statement for the episodes whose state has not changed.
  if (open?.includes(input.reason)) return;
  if (await raiseAlert(executor, input)) summary.raised[input.reason] = (summary.raised[input.reason] ?? 0) + 1;
}
