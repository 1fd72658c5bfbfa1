/**
 * Sends queued deliveries (docs/ARCHITECTURE.md, "Notifications"). Run by the `notification-delivery`
 * job every minute; safe with several processes at once.
 *
 * - Claim: a short statement takes due deliveries with `FOR UPDATE SKIP LOCKED` and moves their
 *   `next_attempt_at` a lease ahead, so no other runner takes them while they are being sent and a
 *   runner that dies mid-send leaves them to be taken again when the lease ends. Nothing is held open
 *   while a mail server answers: a slow or absent server never blocks the database or other work.
 * - Send through the channel (channels.ts), then record the outcome and the attempt in one transaction.
 *   A delivery marked sent is never taken again, so a restart does not send it twice.
 * - A temporary failure is retried with exponential backoff (RETRY_POLICY) until it gives up; a
 *   permanent one (the address was refused) fails at once and counts against the address, which is
 *   retired after RETRY_POLICY.retireAfter such failures in a row and sent nothing more.
 * - A channel that is not configured (no SMTP_URL) keeps its deliveries queued in the outbox; the log
 *   says they were not sent, with ids and counts only.
 * Logs hold ids, channels, outcomes and codes: never a title, an address or any content.
 */
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '@/db/connection';
import { executeRows } from '@/db/rows';
import { log } from '@/lib/log';
import { deliveryChannels, type ChannelResult, type DeliveryChannels, type DeliveryMessage, type DeliveryRecipient } from './channels';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './notify';

export const RETRY_POLICY = {
  /** Attempts in all before a delivery that keeps failing temporarily is given up (about 8.5 hours). */
  maxAttempts: 10,
  /** The wait after the first failure; each further failure doubles it, up to maxDelayMs. */
  baseDelayMs: 60_000,
  maxDelayMs: 6 * 60 * 60_000,
  /** Permanent failures in a row after which an address is retired. */
  retireAfter: 3,
  /** How long a claimed delivery is left to its runner before another may take it. */
  leaseMs: 5 * 60_000,
  batch: 50,
} as const;

/** The wait before the next try after `attempts` failed attempts: 1, 2, 4, 8 … minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_POLICY.baseDelayMs * 2 ** Math.max(0, attempts - 1), RETRY_POLICY.maxDelayMs);
}

export type DeliverySummary = { sent: number; retrying: number; failed: number; retired: number; deferred: number; notConfigured: number };

type Claimed = { id: string; notification_id: string; channel: NotificationChannel; attempts: number; headers: Record<string, string> | string };
type Details = { id: string; kind: string; title: string; href: string; user_id: string; email: string; active: boolean; clinic_id: string; clinic_name: string };

/** Per process: the newest unsent delivery already reported per unconfigured channel, so each is logged once. */
const reported = new Map<NotificationChannel, string>();

/** The channels that can send now (SMTP configured, …); the others keep their deliveries queued. */
function readyChannels(channels: DeliveryChannels): NotificationChannel[] {
  return NOTIFICATION_CHANNELS.filter((channel) => channels[channel].configured());
}

/** Queued deliveries due at `now` on one of `ready`. */
function dueOn(ready: NotificationChannel[], now: Date) {
  return sql`status = 'queued' and next_attempt_at <= ${now.toISOString()}::timestamptz
    and channel in (${sql.join(
      ready.map((channel) => sql`${channel}::notification_channel`),
      sql`, `,
    )})`;
}

/**
 * Whether the delivery job has anything to do now: a queued delivery due on a channel that can send,
 * or an escalation the safety lead has not yet been told of. One index probe each, so the runner can
 * ask every few seconds and start the job at once instead of waiting for its minute (lib/jobs/kinds.ts).
 */
export async function deliveryWorkWaiting(db: Db, options: { now?: Date; channels?: DeliveryChannels } = {}): Promise<boolean> {
  const ready = readyChannels(options.channels ?? deliveryChannels(db));
  const deliveries = ready.length ? sql`exists (select 1 from notification_deliveries where ${dueOn(ready, options.now ?? new Date())})` : sql`false`;
  // As notifyPendingEscalations decides: an escalation waits for a lead, or is closed without one.
  const [row] = await executeRows<{ waiting: boolean }>(
    db,
    sql`select ${deliveries} or exists (
          select 1 from alert_escalations x join alerts a on a.id = x.alert_id join clinics c on c.id = x.clinic_id
          where x.notified_at is null
            and (coalesce(x.escalated_to, c.safety_lead_id) is not null or a.acknowledged_at is not null or a.resolved_at is not null)
        ) as waiting`,
  );
  return row?.waiting === true;
}

export async function deliverQueued(
  db: Db,
  options: { now?: Date; channels?: DeliveryChannels; logger?: Logger; batch?: number } = {},
): Promise<DeliverySummary> {
  const now = options.now ?? new Date();
  const channels = options.channels ?? deliveryChannels(db);
  const logger = options.logger ?? log();
  const summary: DeliverySummary = { sent: 0, retrying: 0, failed: 0, retired: 0, deferred: 0, notConfigured: 0 };
  const ready = readyChannels(channels);

  for (const channel of NOTIFICATION_CHANNELS.filter((name) => !ready.includes(name))) {
    const since = reported.get(channel) ?? '1970-01-01T00:00:00Z';
    const [waiting] = await executeRows<{ n: number; newest: string | Date | null }>(
      db,
      sql`select count(*)::int as n, max(created_at) as newest from notification_deliveries
          where status = 'queued' and channel = ${channel} and created_at > ${since}::timestamptz`,
    );
    if (waiting && waiting.n > 0) {
      summary.notConfigured += waiting.n;
      reported.set(channel, new Date(waiting.newest!).toISOString());
      logger.warn({ event: 'notifications.not_sent', channel, reason: 'channel-not-configured', queued: waiting.n }, 'deliveries kept in the outbox');
    }
  }
  if (ready.length === 0) return summary;

  const leaseUntil = new Date(now.getTime() + RETRY_POLICY.leaseMs);
  const claimed = await executeRows<Claimed>(
    db,
    sql`update notification_deliveries d set next_attempt_at = ${leaseUntil.toISOString()}::timestamptz
        where d.id in (
          select id from notification_deliveries
          where ${dueOn(ready, now)}
          -- Oldest due first; of those due together, the one retried most (waiting longest) first.
          order by next_attempt_at, attempts desc, created_at, id limit ${options.batch ?? RETRY_POLICY.batch}
          for update skip locked)
        returning d.id, d.notification_id, d.channel, d.attempts, d.headers`,
  );
  if (claimed.length === 0) return summary;

  const details = new Map(
    (
      await executeRows<Details>(
        db,
        sql`select n.id, n.kind, n.title, n.href, u.id as user_id, u.email, u.active, c.id as clinic_id, c.name as clinic_name
            from notifications n join users u on u.id = n.user_id join clinics c on c.id = n.clinic_id
            where n.id in (${sql.join(
              [...new Set(claimed.map((row) => row.notification_id))].map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`,
      )
    ).map((row) => [row.id, row]),
  );
  const recipientOf = (facts: Details): DeliveryRecipient => ({ userId: facts.user_id, email: facts.email, clinicId: facts.clinic_id, clinicName: facts.clinic_name });
  const addresses = [
    ...new Set(
      claimed.flatMap((row) => {
        const facts = details.get(row.notification_id);
        const address = facts ? channels[row.channel].address?.(recipientOf(facts)) : null;
        return address ? [address] : [];
      }),
    ),
  ];
  const retiredAddresses = new Set(
    (addresses.length === 0
      ? []
      : await executeRows<{ channel: string; address: string }>(
          db,
          sql`select channel::text as channel, address from delivery_addresses
              where retired_at is not null and address in (${sql.join(
                addresses.map((address) => sql`${address}`),
                sql`, `,
              )})`,
        )
    ).map((row) => `${row.channel}:${row.address}`),
  );
  const down = new Set<NotificationChannel>();

  for (const row of claimed) {
    const channel = channels[row.channel];
    const facts = details.get(row.notification_id);
    if (down.has(row.channel)) {
      // The channel's server was unreachable a moment ago: this one waits for the next run, unattempted.
      await db.execute(sql`update notification_deliveries set next_attempt_at = ${new Date(now.getTime() + RETRY_POLICY.baseDelayMs).toISOString()}::timestamptz where id = ${row.id}`);
      summary.deferred += 1;
      continue;
    }
    if (!facts || !facts.active) {
      await record(db, row, now, { ok: false, permanent: true, code: 'recipient-inactive' }, null, 'failed');
      summary.failed += 1;
      continue;
    }
    const recipient = recipientOf(facts);
    const address = channel.address?.(recipient) ?? null;
    if (address && retiredAddresses.has(`${row.channel}:${address}`)) {
      await record(db, row, now, { ok: false, permanent: true, code: 'address-retired' }, null, 'retired');
      logger.info({ event: 'notifications.delivery', delivery: row.id, channel: row.channel, outcome: 'retired' }, 'address retired');
      summary.retired += 1;
      continue;
    }
    const message: DeliveryMessage = {
      deliveryId: row.id,
      notificationId: row.notification_id,
      kind: facts.kind,
      title: facts.title,
      href: facts.href,
      headers: typeof row.headers === 'string' ? (JSON.parse(row.headers) as Record<string, string>) : row.headers,
      attempts: row.attempts,
    };
    let result: ChannelResult;
    try {
      result = await channel.send(message, recipient);
    } catch {
      result = { ok: false, permanent: false, code: 'channel-error' };
    }
    const status = await record(db, row, now, result, address);
    if (status === 'retired' && address) retiredAddresses.add(`${row.channel}:${address}`);
    summary[status === 'sent' ? 'sent' : status === 'queued' ? 'retrying' : 'failed'] += 1;
    logger[result.ok ? 'info' : 'warn'](
      {
        event: 'notifications.delivery',
        delivery: row.id,
        channel: row.channel,
        attempt: row.attempts + 1,
        outcome: status === 'queued' ? 'retrying' : status === 'retired' ? 'failed' : status,
        ...(status === 'retired' ? { addressRetired: true } : {}),
        ...(result.ok ? {} : { code: result.code, permanent: result.permanent }),
      },
      result.ok ? 'delivery sent' : 'delivery failed',
    );
    if (!result.ok && !result.permanent && channel.isOutage?.(result.code)) down.add(row.channel);
  }
  return summary;
}

type FinalStatus = 'sent' | 'queued' | 'failed' | 'retired';

/**
 * Records one attempt and its outcome in one transaction. Returns the delivery's status afterwards;
 * 'retired' means the address was retired by this failure (the delivery itself is failed).
 */
async function record(db: Db, row: Claimed, now: Date, result: ChannelResult, address: string | null, forced?: 'failed' | 'retired'): Promise<FinalStatus> {
  const attempts = row.attempts + 1;
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    let status: FinalStatus;
    if (forced) {
      status = forced;
      await tx.execute(
        sql`update notification_deliveries set status = ${forced}, last_attempt_at = ${at}::timestamptz, last_error_code = ${result.ok ? null : result.code} where id = ${row.id}`,
      );
      await tx.execute(
        sql`insert into notification_attempts (delivery_id, attempted_at, outcome, error_code) values (${row.id}, ${at}::timestamptz, ${forced === 'retired' ? 'retired' : 'permanent-failure'}, ${result.ok ? null : result.code})`,
      );
      return status;
    }
    if (result.ok) {
      status = 'sent';
      await tx.execute(
        sql`update notification_deliveries set status = 'sent', attempts = ${attempts}, last_attempt_at = ${at}::timestamptz, sent_at = ${at}::timestamptz, last_error_code = null where id = ${row.id}`,
      );
      if (address) await tx.execute(sql`update delivery_addresses set permanent_failures = 0 where channel = ${row.channel} and address = ${address} and retired_at is null`);
    } else if (!result.permanent && attempts < RETRY_POLICY.maxAttempts) {
      status = 'queued';
      const next = new Date(now.getTime() + retryDelayMs(attempts)).toISOString();
      await tx.execute(
        sql`update notification_deliveries set attempts = ${attempts}, last_attempt_at = ${at}::timestamptz, next_attempt_at = ${next}::timestamptz, last_error_code = ${result.code} where id = ${row.id}`,
      );
    } else {
      status = 'failed';
      await tx.execute(
        sql`update notification_deliveries set status = 'failed', attempts = ${attempts}, last_attempt_at = ${at}::timestamptz, last_error_code = ${result.code} where id = ${row.id}`,
      );
      if (result.permanent && address) {
        const [counted] = await executeRows<{ retired: boolean }>(
          tx,
          sql`insert into delivery_addresses (channel, address, permanent_failures, last_failure_at) values (${row.channel}, ${address}, 1, ${at}::timestamptz)
              on conflict (channel, address) do update set permanent_failures = delivery_addresses.permanent_failures + 1, last_failure_at = excluded.last_failure_at
              returning permanent_failures >= ${RETRY_POLICY.retireAfter} and retired_at is null as retired`,
        );
        if (counted?.retired) {
          await tx.execute(sql`update delivery_addresses set retired_at = ${at}::timestamptz where channel = ${row.channel} and address = ${address}`);
          status = 'retired';
        }
      }
    }
    await tx.execute(
      sql`insert into notification_attempts (delivery_id, attempted_at, outcome, error_code)
          values (${row.id}, ${at}::timestamptz, ${result.ok ? 'sent' : result.permanent ? 'permanent-failure' : 'temporary-failure'}, ${result.ok ? null : result.code})`,
    );
    return status;
  });
}
