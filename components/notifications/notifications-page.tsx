import { AppLink } from '@/components/ui/app-link';
import { FormAlert } from '@/components/ui/form-alert';
import { PageHeading } from '@/components/ui/page-heading';
import { SubmitButton } from '@/components/ui/submit-button';
import { guardArea } from '@/lib/auth/guard';
import type { Role } from '@/lib/auth/roles';
import { listMyNotifications } from '@/lib/dal/notifications';
import { NOTIFICATION_RETENTION_DAYS } from '@/lib/notifications/prune';
import { formatDateTime } from '@/lib/time';
import { markAllNotificationsReadAction, markNotificationReadAction } from '@/lib/notifications/actions';

const PROBLEMS = {
  'not-found': 'That notification was not found. It may have been removed.',
  refused: 'You need to sign in again to change your notifications.',
} as const;

/** One area's notifications page: the signed-in person's own notifications, newest first. */
export async function NotificationsPage({ area, search }: { area: Role; search: Record<string, string | string[] | undefined> }) {
  const viewer = await guardArea(area);
  const items = await listMyNotifications();
  const unread = items.filter((item) => item.readAt === null).length;
  const problem = typeof search.problem === 'string' && search.problem in PROBLEMS ? PROBLEMS[search.problem as keyof typeof PROBLEMS] : null;
  return (
    <div className="space-y-6">
      <PageHeading
        title="Notifications"
        summary={`${items.length === 0 ? 'You have no notifications.' : unread === 0 ? 'All read.' : `${unread} unread.`} Old notifications are removed after ${NOTIFICATION_RETENTION_DAYS} days.`}
      >
        {unread > 0 ? (
          <form action={markAllNotificationsReadAction}>
            <input type="hidden" name="area" value={area} />
            {problem ? <input type="hidden" name="clear" value="1" /> : null}
            <SubmitButton variant="secondary" pendingText="Marking…">
              Mark all as read
            </SubmitButton>
          </form>
        ) : null}
      </PageHeading>
      {problem ? <FormAlert>{problem}</FormAlert> : null}
      {items.length > 0 ? (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {items.map((item) => (
            <li key={item.id} className={`flex flex-wrap items-center justify-between gap-3 p-4 ${item.readAt ? '' : 'bg-brand-50'}`}>
              <div className="min-w-0 flex-1">
                <AppLink href={item.href} className="text-link text-base font-semibold underline">
                  {item.title}
                </AppLink>
                <p className="text-sm text-slate-700">
                  {item.readAt ? 'Read' : <strong>Unread</strong>} · <time dateTime={item.createdAt.toISOString()}>{formatDateTime(item.createdAt, viewer.timeZone)}</time>
                </p>
              </div>
              {item.readAt ? null : (
                <form action={markNotificationReadAction}>
                  <input type="hidden" name="id" value={item.id} />
                  <input type="hidden" name="area" value={area} />
                  {problem ? <input type="hidden" name="clear" value="1" /> : null}
                  <SubmitButton variant="secondary" pendingText="Marking…">
                    Mark as read<span className="sr-only">: {item.title}</span>
                  </SubmitButton>
                </form>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
