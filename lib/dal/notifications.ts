import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { executeRows } from '@/db/rows';
import { notifications } from '@/db/schema';
import { requireRole } from '@/lib/auth/viewer';
import { isUuid } from '@/lib/validation/ids';

/**
 * The signed-in person's own in-app notifications (docs/ARCHITECTURE.md, "Notifications"). Every query
 * is bounded by the viewer's user id, so nobody can read or mark another person's; an id that is not
 * theirs behaves as one that does not exist. Titles hold no health data, so reading them is not a
 * health-record access and is not audited.
 */

const ANY_ROLE = ['patient', 'clinician', 'manager'] as const;

/** How many notifications the list shows: the newest first; older ones are pruned by the retention job. */
export const NOTIFICATION_LIST_LIMIT = 100;

export type NotificationItem = { id: string; kind: string; title: string; href: string; createdAt: Date; readAt: Date | null };

/** Any signed-in user: how many of their notifications are unread (the count in the navigation). */
export async function countMyUnreadNotifications(): Promise<number> {
  const viewer = await requireRole(...ANY_ROLE);
  const [row] = await executeRows<{ n: number }>(
    getDb(),
    sql`select count(*)::int as n from ${notifications} where user_id = ${viewer.userId} and read_at is null`,
  );
  return row?.n ?? 0;
}

/** Any signed-in user: their notifications, newest first. */
export async function listMyNotifications(): Promise<NotificationItem[]> {
  const viewer = await requireRole(...ANY_ROLE);
  return getDb()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      href: notifications.href,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, viewer.userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATION_LIST_LIMIT);
}

/**
 * Any signed-in user: marks one of their own notifications read. 'not-found' for an unknown id or
 * someone else's (nothing changes); marking one already read again is 'done'.
 */
export async function markMyNotificationRead(id: string, now = new Date()): Promise<'done' | 'not-found'> {
  const viewer = await requireRole(...ANY_ROLE);
  if (!isUuid(id)) return 'not-found';
  const db = getDb();
  const updated = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, viewer.userId)))
    .returning({ id: notifications.id });
  return updated.length ? 'done' : 'not-found';
}

/** Any signed-in user: marks all their unread notifications read; returns how many changed. */
export async function markAllMyNotificationsRead(now = new Date()): Promise<number> {
  const viewer = await requireRole(...ANY_ROLE);
  const updated = await getDb()
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, viewer.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length;
}
