import type { Metadata } from 'next';
import { AppLink } from '@/components/ui/app-link';
import { guardArea } from '@/lib/auth/guard';
import { INBOX_LIMIT, listInbox } from '@/lib/dal/messages';
import { formatDateTime } from '@/lib/time';

export const metadata: Metadata = { title: 'Messages' };

export default async function MessagesInboxPage() {
  const viewer = await guardArea('clinician');
  const threads = await listInbox();
  const unread = threads.filter((thread) => thread.unread > 0).length;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Messages</h1>
        <p className="text-slate-700">
          {threads.length === 0
            ? 'No conversations yet.'
            : `${threads.length} conversation${threads.length === 1 ? '' : 's'} with your patients${unread > 0 ? `, ${unread} with unread messages first` : ''}.`}{' '}
          To write to a patient, open their record and choose Messages, or use Reply on an alert.
        </p>
      </div>
      {threads.length > 0 ? (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" aria-label="Conversations">
          {threads.map((thread) => (
            <li key={thread.episodeId} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3">
              <div>
                <AppLink
                  href={`/clinician/patients/${thread.episodeId}/messages`}
                  className={`text-lg text-brand-800 underline-offset-2 hover:underline ${thread.unread > 0 ? 'font-bold' : 'font-medium'}`}
                >
                  {thread.patientName}
                </AppLink>
                <p className="text-sm text-slate-700">
                  {thread.lastFromPatient ? 'The patient wrote last' : 'You or a colleague wrote last'} ·{' '}
                  {formatDateTime(thread.lastMessageAt, viewer.timeZone)}
                  {thread.coveringFor ? ` · Covering for ${thread.coveringFor}` : ''}
                  {thread.status === 'discharged' ? ' · Discharged' : ''}
                </p>
              </div>
              {thread.unread > 0 ? (
                <span className="rounded-full bg-red-700 px-3 py-1 text-sm font-bold text-white">{thread.unread} unread</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {threads.length === INBOX_LIMIT ? <p className="text-sm text-slate-700">Showing {INBOX_LIMIT} conversations: those with unread messages first, then the most recent.</p> : null}
    </div>
  );
}
