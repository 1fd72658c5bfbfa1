import type { ReactNode } from 'react';
import type { MessageView } from '@/lib/dal/messages';
import { MessageList } from './message-list';
import { RefreshAfterRead } from './refresh-after-read';

/** Each side's view: patients get large type and plain words; clinicians a compact one. */
const SIDES = {
  patient: {
    size: 'large',
    emptyText: 'No messages yet. Write below if you have a question about your exercises or your recovery.',
    closedText:
      'Your care with the clinic has ended, so you can read these messages but not send new ones. If you are worried about your back, contact your GP.',
    closed: 'rounded-2xl border border-slate-300 bg-slate-100 p-5 text-lg',
    write: 'space-y-4 rounded-2xl border border-slate-200 bg-white p-5',
    writeHeading: 'text-2xl font-bold',
  },
  clinician: {
    size: 'compact',
    emptyText: 'No messages yet. You can start the conversation below; the patient sees it under Messages.',
    closedText: 'This episode is discharged, and the clinic keeps messages read-only after discharge.',
    closed: 'rounded-md border border-slate-300 bg-slate-100 px-3 py-2',
    write: 'space-y-3 rounded-xl border border-slate-200 bg-white p-4',
    writeHeading: 'text-lg font-semibold',
  },
} as const;

/**
 * One conversation as either side sees it: the messages, then a section titled `writeTitle` with the
 * way to write (`children`), or, once the thread is read-only, a sentence saying so in its place.
 * Opening it marks messages read, so when it did the area's unread count is refreshed.
 */
export function MessageThread({
  thread,
  timeZone,
  side,
  writeTitle,
  children,
}: {
  thread: { messages: MessageView[]; newlyRead: number; readOnly: boolean };
  timeZone: string;
  side: keyof typeof SIDES;
  writeTitle: string;
  children: ReactNode;
}) {
  const look = SIDES[side];
  return (
    <>
      {thread.newlyRead > 0 ? <RefreshAfterRead /> : null}
      <MessageList messages={thread.messages} timeZone={timeZone} size={look.size} emptyText={look.emptyText} />
      {thread.readOnly ? (
        <p className={look.closed}>{look.closedText}</p>
      ) : (
        <section aria-labelledby="write-heading" className={look.write}>
          <h2 id="write-heading" className={look.writeHeading}>
            {writeTitle}
          </h2>
          {children}
        </section>
      )}
    </>
  );
}
