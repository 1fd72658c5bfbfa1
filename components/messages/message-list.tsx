import type { MessageView } from '@/lib/dal/messages';
import { formatDateTime } from '@/lib/time';

const KIND_LABELS: Record<MessageView['kind'], string | null> = { message: null, 'visit-request': 'Asked to move a visit' };

/**
 * A conversation, oldest first, as a list a screen reader reads in order: who wrote, when (in the
 * viewer's zone), and the text as written (line breaks kept, never rendered as markup).
 */
export function MessageList({
  messages,
  timeZone,
  size,
  emptyText,
  youLabel = 'You',
}: {
  messages: MessageView[];
  timeZone: string;
  size: 'large' | 'compact';
  emptyText: string;
  youLabel?: string;
}) {
  if (messages.length === 0) {
    return <p className={`rounded-2xl border border-slate-200 bg-white p-4 ${size === 'large' ? 'text-lg' : ''}`}>{emptyText}</p>;
  }
  const text = size === 'large' ? 'text-lg' : 'text-base';
  return (
    <ol className="space-y-3" aria-label="Messages, oldest first">
      {messages.map((message) => {
        const kind = KIND_LABELS[message.kind];
        return (
          <li
            key={message.id}
            className={`rounded-2xl border p-4 ${message.mine ? 'ml-6 border-brand-100 bg-brand-50' : 'mr-6 border-slate-200 bg-white'}`}
          >
            <p className="text-sm text-slate-700">
              <span className="font-semibold text-slate-900">{message.mine ? youLabel : message.authorName}</span>
              {' · '}
              <time dateTime={message.createdAt.toISOString()}>{formatDateTime(message.createdAt, timeZone)}</time>
              {kind ? <span className="font-semibold"> · {kind}</span> : null}
            </p>
            <p className={`mt-1 whitespace-pre-wrap break-words ${text}`}>{message.body}</p>
          </li>
        );
      })}
    </ol>
  );
}
