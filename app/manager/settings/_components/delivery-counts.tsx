import type { DeliveryCounts } from '@/lib/dal/notification-deliveries';

const CHANNEL_NAMES: Record<DeliveryCounts['channel'], string> = { email: 'Email', push: 'Push' };

/** Delivery outcomes per channel as counts: no recipients, titles or error text. */
export function DeliveryCountsTable({ channels, days }: { channels: DeliveryCounts[]; days: number }) {
  return (
    <div className="overflow-x-auto">
      <table className="stack-table w-full text-left text-base">
        <caption className="sr-only">Notification deliveries in the last {days} days, by channel</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-4 font-semibold">
              Channel
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">
              Sent
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">
              Waiting
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">
              Retrying
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">
              Failed
            </th>
            <th scope="col" className="py-2 text-right font-semibold">
              Address retired
            </th>
          </tr>
        </thead>
        <tbody>
          {channels.map((row) => (
            <tr key={row.channel} className="border-b border-slate-200">
              <th scope="row" className="py-2 pr-4 font-medium">
                {CHANNEL_NAMES[row.channel]}
              </th>
              <td data-label="Sent" className="py-2 pr-4 text-right tabular-nums">{row.sent}</td>
              <td data-label="Waiting" className="py-2 pr-4 text-right tabular-nums">{row.waiting}</td>
              <td data-label="Retrying" className="py-2 pr-4 text-right tabular-nums">{row.retrying}</td>
              <td data-label="Failed" className={`py-2 pr-4 text-right tabular-nums ${row.failed ? 'font-semibold text-red-800' : ''}`}>{row.failed}</td>
              <td data-label="Address retired" className="py-2 text-right tabular-nums">{row.retired}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
