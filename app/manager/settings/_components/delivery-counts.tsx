import { DataTable, type Column } from '@/components/ui/data-table';
import type { DeliveryCounts } from '@/lib/dal/notification-deliveries';

const CHANNEL_NAMES: Record<DeliveryCounts['channel'], string> = { email: 'Email', push: 'Push' };

const COLUMNS: Column<DeliveryCounts>[] = [
  { label: 'Channel', rowHeader: true, cell: (row) => CHANNEL_NAMES[row.channel] },
  { label: 'Sent', numeric: true, cell: (row) => row.sent },
  { label: 'Waiting', numeric: true, cell: (row) => row.waiting },
  { label: 'Retrying', numeric: true, cell: (row) => row.retrying },
  { label: 'Failed', numeric: true, cell: (row) => (row.failed ? <span className="font-semibold text-red-800">{row.failed}</span> : row.failed) },
  { label: 'Address retired', numeric: true, cell: (row) => row.retired },
];

/** Delivery outcomes per channel as counts: no recipients, titles or error text. */
export function DeliveryCountsTable({ channels, days }: { channels: DeliveryCounts[]; days: number }) {
  return <DataTable caption={`Notification deliveries in the last ${days} days, by channel`} columns={COLUMNS} rows={channels} rowKey={(row) => row.channel} />;
}
