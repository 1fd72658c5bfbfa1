/**
 * Every kind of background job: its queue, when it runs on its own, how it is retried, and what it
 * does. A handler receives the database handle and the job's data; it must be safe to run again
 * (a job whose worker died is retried), so handlers write in one transaction and rely on the
 * database's unique constraints for "at most once".
 */
import type { DatabaseHandle } from '@/db/connection';
import { evaluateTimeBasedAlerts } from '@/lib/dal/internal/alert-engine';
import { sendAppointmentReminders } from '@/lib/dal/internal/appointment-reminders';
import { escalateUnacknowledgedAlerts } from '@/lib/dal/internal/escalation-engine';
import { purgeExpiredRecords } from '@/lib/dal/internal/retention-purge';
import { deliverQueued, deliveryWorkWaiting } from '@/lib/notifications/deliver';
import { pruneNotifications } from '@/lib/notifications/prune';
import { sendDueReminders } from '@/lib/reminders/send-due';
import { notifyPendingEscalations, sendMorningDigests } from '@/lib/notifications/staff';

export type JobKind = {
  name: string;
  /** Cron expression in UTC for a job that runs on its own; pg-boss makes one job per tick, whatever the number of servers. */
  cron?: string;
  retryLimit: number;
  retryDelaySeconds: number;
  /** A job still running after this long is taken to have died with its worker and is retried. */
  expireInSeconds: number;
  run: (handle: DatabaseHandle, data: Record<string, unknown>) => Promise<string>;
  /**
   * A cheap check the runner makes every `everySeconds` in each process: when it finds work waiting,
   * the job is queued at once (at most one per interval across all processes) rather than at its next tick.
   */
  prompt?: { everySeconds: number; waiting: (handle: DatabaseHandle) => Promise<boolean> };
};

/**
 * A kind that runs on its own schedule. Unless it says otherwise it is retried twice, a minute apart, and
 * taken for dead after 10 minutes: enough for the frequent kinds, whose next tick comes soon anyway.
 */
function scheduled(kind: Pick<JobKind, 'name' | 'cron' | 'run'> & Partial<JobKind>): JobKind {
  return { retryLimit: 2, retryDelaySeconds: 60, expireInSeconds: 10 * 60, ...kind };
}

export const JOB_KINDS: readonly JobKind[] = [
  scheduled({
    // The alert rules that depend on time passing (docs/CLINICAL.md, "Alert rules"), then escalation
    // of alerts nobody acknowledged in time (docs/CLINICAL.md, "Escalation and cover"), whose shortest window
    // (15 minutes) this schedule matches. `npm run alerts:evaluate` runs the same by hand.
    name: 'time-based-alerts',
    cron: '*/15 * * * *',
    retryLimit: 3,
    run: async (handle) => {
      const summary = await handle.db.transaction((tx) => evaluateTimeBasedAlerts(tx));
      const raised = Object.values(summary.raised).reduce((sum, count) => sum + count, 0);
      // Its own transaction: each escalation commits with its outbox and audit rows, or not at all.
      const escalation = await handle.db.transaction((tx) => escalateUnacknowledgedAlerts(tx));
      return `${summary.episodes} episodes, ${raised} raised, ${summary.resolved} resolved, ${escalation.escalated} escalated`;
    },
  }),
  scheduled({
    // Closed patient records past the clinic's retention period (docs/SECURITY.md, "Retention and
    // erasure"). Each record is purged in its own transaction; one that fails stays whole and is
    // tried again on the next run.
    name: 'retention-purge',
    cron: '30 2 * * *',
    retryLimit: 3,
    retryDelaySeconds: 300,
    expireInSeconds: 30 * 60,
    run: async (handle) => {
      const purge = await purgeExpiredRecords(handle.db);
      // Notifications past their period (docs/SECURITY.md, "Retention and erasure"), with their deliveries.
      const pruned = await pruneNotifications(handle.db);
      if (purge.failed) throw new Error(`${purge.failed} records could not be purged`);
      return `${purge.purged} purged, ${pruned} notifications pruned`;
    },
  }),
  scheduled({
    // Escalations not yet told to the safety lead become notifications (the alert_escalations outbox),
    // then queued email and push deliveries are sent, retried or retired (docs/ARCHITECTURE.md,
    // "Notifications"). Every minute, and within seconds when work is waiting: an urgent alert's email
    // and push go out a few seconds after it is raised.
    name: 'notification-delivery',
    cron: '* * * * *',
    prompt: { everySeconds: 5, waiting: (handle) => deliveryWorkWaiting(handle.db) },
    retryDelaySeconds: 30,
    expireInSeconds: 15 * 60,
    run: async (handle) => {
      const escalations = await notifyPendingEscalations(handle.db);
      const sent = await deliverQueued(handle.db);
      return `${escalations.notified} escalations notified, ${sent.sent} sent, ${sent.retrying} to retry, ${sent.failed} failed, ${sent.retired} retired, ${sent.notConfigured} kept unsent`;
    },
  }),
  scheduled({
    // Clinicians' morning summaries (counts only) at about 07:30 in each one's zone; every 15 minutes
    // catches every zone, including those offset by a half or three quarters of an hour.
    name: 'morning-digest',
    cron: '*/15 * * * *',
    run: async (handle) => `${await sendMorningDigests(handle.db)} summaries`,
  }),
  scheduled({
    // Patients' reminders (docs/CLINICAL.md, "Reminders"): exercise times, questionnaires due and the
    // nudge, each in the patient's own day. Every 5 minutes: a reminder goes at its time or up to 5
    // minutes after; each is recorded once (notify()'s dedupe key), however often this runs.
    name: 'patient-reminders',
    cron: '*/5 * * * *',
    run: async (handle) => {
      const summary = await sendDueReminders(handle.db);
      return `${summary.patients} patients, ${summary.sent} sent, ${summary.duplicates} already sent`;
    },
  }),
  scheduled({
    // Visit reminders 24 hours and 2 hours before (docs/APPOINTMENTS.md, "Reminders"); each is sent once,
    // however often this runs. Every 5 minutes: a reminder goes out at most about 5 minutes late.
    name: 'appointment-reminders',
    cron: '*/5 * * * *',
    run: async (handle) => {
      const sent = await sendAppointmentReminders(handle.db);
      return `${sent.day} day-before and ${sent.soon} two-hour reminders`;
    },
  }),
];
