import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { executeRows } from '@/db/rows';
import { requireClinicManager } from '@/lib/auth/viewer';
import { MS_PER_DAY } from '@/lib/time';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from '@/lib/notifications/notify';

/** The period the manager's delivery counts cover. */
export const DELIVERY_REPORT_DAYS = 30;

export type DeliveryCounts = {
  channel: NotificationChannel;
  sent: number;
  /** Failed at least once and waiting for its next try. */
  retrying: number;
  /** Not tried: the channel is not set up on this server (e.g. no SMTP_URL), or it is about to go. */
  waiting: number;
  /** Given up: too many temporary failures, or the address was refused. */
  failed: number;
  /** Not sent because the address had been retired after repeated refusals. */
  retired: number;
};

/**
 * Manager: how the notifications of their own clinic made in the last DELIVERY_REPORT_DAYS days were
 * delivered, per channel, as counts only (no recipient, title or error text). Others: AppError('forbidden').
 */
export async function getDeliveryCounts(now = new Date()): Promise<{ channels: DeliveryCounts[]; retiredAddresses: number }> {
  const viewer = await requireClinicManager();
  const since = new Date(now.getTime() - DELIVERY_REPORT_DAYS * MS_PER_DAY).toISOString();
  const db = getDb();
  const [rows, [retired]] = await Promise.all([
    executeRows<{ channel: NotificationChannel; sent: number; retrying: number; waiting: number; failed: number; retired: number }>(
      db,
      sql`select d.channel::text as channel,
            count(*) filter (where d.status = 'sent')::int as sent,
            count(*) filter (where d.status = 'queued' and d.attempts > 0)::int as retrying,
            count(*) filter (where d.status = 'queued' and d.attempts = 0)::int as waiting,
            count(*) filter (where d.status = 'failed')::int as failed,
            count(*) filter (where d.status = 'retired')::int as retired
          from notification_deliveries d join notifications n on n.id = d.notification_id
          where n.clinic_id = ${viewer.clinicId} and d.created_at >= ${since}::timestamptz
          group by d.channel`,
    ),
    // Retired addresses that belong to the clinic's people now (an address is stored without an owner).
    executeRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from delivery_addresses a
          where a.retired_at is not null and a.channel = 'email'
            and exists (select 1 from users u where u.clinic_id = ${viewer.clinicId} and u.email = a.address)`,
    ),
  ]);
  const byChannel = new Map(rows.map((row) => [row.channel, row]));
  return {
    channels: NOTIFICATION_CHANNELS.map((channel) => {
      const row = byChannel.get(channel);
      return { channel, sent: row?.sent ?? 0, retrying: row?.retrying ?? 0, waiting: row?.waiting ?? 0, failed: row?.failed ?? 0, retired: row?.retired ?? 0 };
    }),
    retiredAddresses: retired?.n ?? 0,
  };
}
