/**
 * Staff notifications (docs/ARCHITECTURE.md, "Notifications"; docs/CLINICAL.md, "Escalation and cover"):
 * - an emergency or same-day alert tells its clinician at once, recorded in the transaction that raises it;
 * - an escalation tells the clinic's safety lead, from the `alert_escalations` outbox;
 * - clinicians who ask for it get a morning summary of counts at about 07:30 in their zone.
 * A clinician marked away gets none of these while away; their cover gets the alerts (notify()).
 * No `server-only` marker: the job runner and the evaluation script call these with their own executor.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/connection';
import { executeRows } from '@/db/rows';
import { localDay, personTimeZone, zonedTimeToUtc } from '@/lib/time';
import { notify, type NotificationChannel } from './notify';
import { digestTitle, escalationTitle, STAFF_NOTIFICATION_KINDS, urgentAlertTitle } from './titles';

/** Alerts urgent enough to tell the clinician at once, beyond the inbox. */
export const NOTIFYING_URGENCIES = ['emergency', 'same-day'] as const;

const STAFF_CHANNELS: NotificationChannel[] = ['email', 'push'];

export function isNotifyingUrgency(urgency: string): boolean {
  return (NOTIFYING_URGENCIES as readonly string[]).includes(urgency);
}

/**
 * Tells the clinician of `alertId`'s episode (or their cover) that an urgent alert is waiting. Call it
 * in the transaction that raised the alert or raised its urgency; one notification per alert and
 * urgency, however often it is called.
 */
export async function notifyUrgentAlert(executor: Db | Tx, alertId: string, urgency: string, now = new Date()): Promise<void> {
  if (!isNotifyingUrgency(urgency)) return;
  const [row] = await executeRows<{ clinician_id: string; clinic_name: string }>(
    executor,
    sql`select e.clinician_id, c.name as clinic_name from alerts a
        join episodes e on e.id = a.episode_id join clinics c on c.id = e.clinic_id
        where a.id = ${alertId}`,
  );
  if (!row) return;
  await notify(executor, {
    userId: row.clinician_id,
    kind: STAFF_NOTIFICATION_KINDS.urgentAlert,
    title: urgentAlertTitle(row.clinic_name),
    href: '/clinician/alerts',
    dedupeKey: `alert:${alertId}:${urgency}`,
    channels: STAFF_CHANNELS,
    now,
  });
}

export type EscalationNotifySummary = { notified: number; closed: number; withoutLead: number };

/**
 * Tells the safety lead (or their cover while away) of each escalation not yet notified, then marks it
 * notified in the same transaction: `alert_escalations.notified_at` is the outbox, and the dedupe key
 * makes a second run after a crash record nothing new. An alert acknowledged or resolved before this
 * ran is marked without telling anyone; an escalation in a clinic with no safety lead waits for one.
 */
export async function notifyPendingEscalations(db: Db, now = new Date(), limit = 200): Promise<EscalationNotifySummary> {
  const pending = await executeRows<{ id: string; lead_id: string | null; clinic_name: string; open: boolean }>(
    db,
    sql`select x.id, coalesce(x.escalated_to, c.safety_lead_id) as lead_id, c.name as clinic_name,
          (a.acknowledged_at is null and a.resolved_at is null) as open
        from alert_escalations x join alerts a on a.id = x.alert_id join clinics c on c.id = x.clinic_id
        where x.notified_at is null
        order by x.escalated_at limit ${limit}`,
  );
  const summary: EscalationNotifySummary = { notified: 0, closed: 0, withoutLead: 0 };
  for (const row of pending) {
    if (row.open && !row.lead_id) {
      summary.withoutLead += 1;
      continue;
    }
    await db.transaction(async (tx) => {
      if (row.open) {
        await notify(tx, {
          userId: row.lead_id!,
          kind: STAFF_NOTIFICATION_KINDS.escalation,
          title: escalationTitle(row.clinic_name),
          href: '/clinician/alerts#escalated-alerts',
          dedupeKey: `escalation:${row.id}`,
          channels: STAFF_CHANNELS,
          now,
        });
      }
      await tx.execute(sql`update alert_escalations set notified_at = ${now.toISOString()}::timestamptz where id = ${row.id} and notified_at is null`);
    });
    if (row.open) summary.notified += 1;
    else summary.closed += 1;
  }
  return summary;
}

/** The window in the clinician's own day in which the morning summary goes out. */
export const DIGEST_LOCAL_TIME = { hour: 7, minute: 30 };
const DIGEST_LATEST_HOUR = 12;

type DigestRow = {
  id: string;
  own_zone: string | null;
  clinic_zone: string;
  clinic_name: string;
  open_alerts: number;
  escalated: number;
  unread: number;
};

/**
 * Records the morning summary for each active clinician who asked for one and is not away, once per
 * day of theirs (the dedupe key holds the day), from 07:30 in their zone until noon: a server that was
 * down at 07:30 still sends it later that morning, never in the evening. Counts only.
 */
export async function sendMorningDigests(db: Db, now = new Date()): Promise<number> {
  const rows = await executeRows<DigestRow>(
    db,
    sql`select u.id, u.time_zone as own_zone, c.time_zone as clinic_zone, c.name as clinic_name,
          (select count(*)::int from alerts a join episodes e on e.id = a.episode_id
            where e.status = 'active' and a.acknowledged_at is null and a.resolved_at is null
              and e.clinician_id in (select rc.id from users rc where rc.clinic_id = u.clinic_id and (rc.id = u.id or rc.cover_clinician_id = u.id))) as open_alerts,
          (case when c.safety_lead_id = u.id or l.cover_clinician_id = u.id then
            (select count(*)::int from alert_escalations x join alerts a on a.id = x.alert_id
              where x.clinic_id = u.clinic_id and a.acknowledged_at is null and a.resolved_at is null)
           else 0 end) as escalated,
          (select count(*)::int from notifications n where n.user_id = u.id and n.read_at is null) as unread
        from users u join clinics c on c.id = u.clinic_id left join users l on l.id = c.safety_lead_id
        where u.role = 'clinician' and u.active and u.morning_digest and u.away_since is null`,
  );
  let sent = 0;
  for (const row of rows) {
    const zone = personTimeZone(row.own_zone, row.clinic_zone);
    const day = localDay(now, zone);
    const from = zonedTimeToUtc(day, DIGEST_LOCAL_TIME.hour, DIGEST_LOCAL_TIME.minute, zone);
    const until = zonedTimeToUtc(day, DIGEST_LATEST_HOUR, 0, zone);
    if (now < from || now >= until) continue;
    const result = await notify(db, {
      userId: row.id,
      kind: STAFF_NOTIFICATION_KINDS.digest,
      title: digestTitle(row.clinic_name, { openAlerts: row.open_alerts, escalated: row.escalated, unread: row.unread }),
      href: '/clinician',
      dedupeKey: `digest:${row.id}:${day}`,
      channels: ['email'],
      redirectWhenAway: false,
      now,
    });
    if (result.status === 'created') sent += 1;
  }
  return sent;
}
