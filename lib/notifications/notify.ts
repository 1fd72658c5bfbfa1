/**
 * Records an in-app notification for a person and queues its deliveries on other channels
 * (docs/ARCHITECTURE.md, "Notifications"). Callers choose the channels; the delivery job
 * (lib/notifications/deliver.ts) sends what is queued.
 *
 * What a notification says never holds health data: no pain scores, alert text, message text or
 * condition names, and no patient names. The title says that something is waiting and where
 * ("You have a new message from Riverside Physio"); the content stays behind sign-in at `href`.
 * Titles for Uplift's own events come from lib/notifications/titles.ts.
 *
 * No `server-only` marker and no authorization: callers are DAL functions that already checked the
 * viewer, or jobs acting for the clinic.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '@/db/connection';
import { executeRows } from '@/db/rows';

export const NOTIFICATION_CHANNELS = ['email', 'push'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** The only extra email headers a caller may add (RFC 8058 one-click unsubscribe). */
export const EMAIL_HEADER_NAMES = ['List-Unsubscribe', 'List-Unsubscribe-Post'] as const;

const singleLine = (value: string) => !/[\r\n]/.test(value);

export const notifyInputSchema = z.object({
  userId: z.uuid(),
  /** What happened, as a short code ("alert-urgent", "message", "reminder"): lower case, digits and hyphens. */
  kind: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'A kind is a short lower-case code.'),
  title: z.string().trim().min(1).max(200).refine(singleLine, 'A title is one line.'),
  /** A path inside Uplift, never another site. */
  href: z
    .string()
    .max(500)
    .regex(/^\/[^/\\]/, 'A link is a path inside Uplift.'),
  /** Names the event: the same key twice records one notification (a retried job, a second run). */
  dedupeKey: z.string().min(1).max(200),
  channels: z.array(z.enum(NOTIFICATION_CHANNELS)).default([]),
  emailHeaders: z
    .partialRecord(z.enum(EMAIL_HEADER_NAMES), z.string().min(1).max(2000).refine(singleLine, 'A header is one line.'))
    .optional(),
  /**
   * A clinician marked away gets nothing while away: their cover does (docs/CLINICAL.md, "Escalation and
   * cover"). Off for notifications that are about the person themself.
   */
  redirectWhenAway: z.boolean().default(true),
  now: z.date().optional(),
});

export type NotifyInput = z.input<typeof notifyInputSchema>;

export type NotifyResult =
  /** Recorded now (created) or already recorded under the same key (not created). */
  | { status: 'created' | 'duplicate'; recipientId: string; notificationId: string | null }
  /** The person (or their cover) is no longer an active user: nothing is recorded. */
  | { status: 'no-recipient' };

type RecipientRow = { id: string; clinic_id: string; active: boolean; away: boolean; cover_id: string | null; cover_active: boolean | null };

/**
 * Records the notification and one queued delivery per channel in one statement, so they exist
 * together or not at all whatever transaction the caller is in; call it inside the transaction of the
 * event itself (the alert, the message) so a crash cannot record one without the other.
 */
export async function notify(executor: Db | Tx, input: NotifyInput): Promise<NotifyResult> {
  const data = notifyInputSchema.parse(input);
  const [person] = await executeRows<RecipientRow>(
    executor,
    sql`select u.id, u.clinic_id, u.active, u.away_since is not null as away, u.cover_clinician_id as cover_id, cv.active as cover_active
        from users u left join users cv on cv.id = u.cover_clinician_id
        where u.id = ${data.userId}`,
  );
  if (!person) return { status: 'no-recipient' };
  let recipientId = person.id;
  if (data.redirectWhenAway && person.away && person.cover_id) {
    if (!person.cover_active) return { status: 'no-recipient' };
    recipientId = person.cover_id;
  } else if (!person.active) {
    return { status: 'no-recipient' };
  }
  const createdAt = (data.now ?? new Date()).toISOString();
  const headers = JSON.stringify(data.emailHeaders ?? {});
  const channels = [...new Set(data.channels)];
  const deliveries = channels.length
    ? sql`, queued as (
          insert into notification_deliveries (notification_id, channel, headers, next_attempt_at, created_at)
          select inserted.id, channel::notification_channel, case when channel = 'email' then ${headers}::jsonb else '{}'::jsonb end,
                 ${createdAt}::timestamptz, ${createdAt}::timestamptz
          from inserted, (values ${sql.join(
            channels.map((channel) => sql`(${channel})`),
            sql`, `,
          )}) as wanted(channel)
          -- Push only to someone with a live device: without one there is nowhere to send it, and a
          -- delivery failed for "no device" would count as a failure on the manager's page.
          where wanted.channel <> 'push'
             or exists (select 1 from push_subscriptions ps where ps.user_id = ${recipientId} and ps.retired_at is null)
          returning id)`
    : sql``;
  const [row] = await executeRows<{ id: string | null }>(
    executor,
    sql`with inserted as (
          insert into notifications (user_id, clinic_id, kind, title, href, dedupe_key, created_at)
          values (${recipientId}, ${person.clinic_id}, ${data.kind}, ${data.title}, ${data.href}, ${data.dedupeKey}, ${createdAt}::timestamptz)
          on conflict (dedupe_key) do nothing
          returning id)${deliveries}
        select (select id from inserted) as id`,
  );
  const notificationId = row?.id ?? null;
  return { status: notificationId ? 'created' : 'duplicate', recipientId, notificationId };
}
