import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { guardArea } from '@/lib/auth/guard';
import { describeAuditAction, OUTCOME_LABEL } from '@/lib/audit/labels';
import { listAuditEvents } from '@/lib/dal/audit-trail';
import { formatDateTime } from '@/lib/time';
import { AUDIT_ACTION_GROUPS, auditFilterFrom, parseAuditQuery } from '@/lib/validation/audit';

export const metadata: Metadata = { title: 'Audit trail' };

const PAGE_SIZE = 50;
const inputClass = 'mt-2 block min-h-12 w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base';

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await guardArea('manager');
  const query = parseAuditQuery(await searchParams);
  const filter = auditFilterFrom(query, viewer.timeZone);
  const rows = await listAuditEvents(filter, { limit: PAGE_SIZE, beforeId: query.before });
  const params = new URLSearchParams(
    Object.entries({ from: query.from, to: query.to, action: query.action, outcome: query.outcome, person: query.person }).filter(
      (entry): entry is [string, string] => Boolean(entry[1]),
    ),
  );
  const nextParams = new URLSearchParams(params);
  if (rows.length === PAGE_SIZE) nextParams.set('before', String(rows[rows.length - 1]!.id));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-semibold">Audit trail</h1>
        <p className="mt-1 text-slate-700">
          Every sign-in, refused access and read or change of patient records in your clinic, newest first. Rows cannot be changed or deleted;{' '}
          <code>npm run audit:verify</code> proves the chain is intact.
        </p>
      </div>
      <form method="get" className="grid gap-4 rounded-2xl border border-slate-200 bg-white p-5 sm:grid-cols-2 lg:grid-cols-5" aria-label="Filter the audit trail">
        <label className="block font-medium">
          From
          <input type="date" name="from" defaultValue={query.from} className={inputClass} />
        </label>
        <label className="block font-medium">
          To
          <input type="date" name="to" defaultValue={query.to} className={inputClass} />
        </label>
        <label className="block font-medium">
          Kind of event
          <select name="action" defaultValue={query.action ?? ''} className={inputClass}>
            <option value="">All events</option>
            {AUDIT_ACTION_GROUPS.map((group) => (
              <option key={group.value} value={group.value}>
                {group.label}
              </option>
            ))}
          </select>
        </label>
        <label className="block font-medium">
          Outcome
          <select name="outcome" defaultValue={query.outcome ?? ''} className={inputClass}>
            <option value="">Any outcome</option>
            <option value="success">Allowed</option>
            <option value="denied">Refused</option>
            <option value="failure">Failed</option>
          </select>
        </label>
        <label className="block font-medium">
          Person (staff name or email, or a patient’s pseudonym)
          <input type="search" name="person" defaultValue={query.person} maxLength={100} className={inputClass} />
        </label>
        <div className="flex flex-wrap gap-3 sm:col-span-2 lg:col-span-5">
          <button type="submit" className="min-h-12 rounded-lg bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800">
            Show events
          </button>
          <Link href="/manager/audit" className="inline-flex min-h-12 items-center rounded-lg border border-slate-400 px-5 py-3 font-semibold">
            Clear filters
          </Link>
          <a
            href={`/manager/audit/export?${params.toString()}`}
            className="inline-flex min-h-12 items-center rounded-lg border border-slate-400 px-5 py-3 font-semibold"
          >
            Download as CSV
          </a>
        </div>
      </form>
      {rows.length === 0 ? (
        <p className="text-slate-800">No events match these filters.</p>
      ) : (
        <DataTable
          caption="Audit events, newest first"
          columns={[
            { label: 'When', className: 'whitespace-nowrap', cell: (row) => formatDateTime(row.at, viewer.timeZone) },
            {
              label: 'Who',
              cell: (row) => (
                <>
                  {row.actorName ?? row.actorPseudonym ?? '—'}
                  {row.actorRole ? <span className="text-slate-700"> ({row.actorRole})</span> : null}
                </>
              ),
            },
            {
              label: 'What',
              cell: (row) => (
                <>
                  {describeAuditAction(row.action)}
                  <span className="block font-mono text-xs text-slate-700">{row.action}</span>
                </>
              ),
            },
            { label: 'Patient', cell: (row) => row.patientName ?? row.patientPseudonym ?? '—' },
            {
              label: 'Outcome',
              cell: (row) => <span className={row.outcome === 'success' ? '' : 'font-semibold text-red-800'}>{OUTCOME_LABEL[row.outcome]}</span>,
            },
            { label: 'From address', className: 'font-mono text-xs', cell: (row) => row.clientAddress ?? '—' },
          ]}
          rows={rows}
          rowKey={(row) => String(row.id)}
        />
      )}
      {rows.length === PAGE_SIZE ? (
        <Link href={`/manager/audit?${nextParams.toString()}`} className="inline-flex min-h-12 items-center font-semibold text-brand-800 underline">
          Older events
        </Link>
      ) : null}
    </div>
  );
}
