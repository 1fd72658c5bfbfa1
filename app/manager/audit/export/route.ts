import { requireViewer } from '@/lib/auth/viewer';
import { exportAuditEvents } from '@/lib/dal/audit-trail';
import { csvLine } from '@/lib/csv';
import { isAppError } from '@/lib/errors';
import { auditFilterFrom, parseAuditQuery } from '@/lib/validation/audit';

export const dynamic = 'force-dynamic';

/** Manager: the filtered audit trail of their clinic as CSV. Others: 401/403 with no body data. */
export async function GET(request: Request) {
  const headers = { 'Cache-Control': 'private, no-store' };
  const query = parseAuditQuery(Object.fromEntries(new URL(request.url).searchParams));
  let rows;
  try {
    // Any session, to read the dates in the viewer's zone; the DAL then refuses everyone but managers.
    const viewer = await requireViewer('audit.export');
    rows = await exportAuditEvents(auditFilterFrom(query, viewer.timeZone));
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: error.code }, { status: error.status, headers });
    throw error;
  }
  const lines = [
    csvLine(['id', 'at_utc', 'actor', 'actor_role', 'action', 'outcome', 'patient', 'resource_type', 'resource_id', 'client_address']),
    ...rows.map((row) =>
      csvLine([row.id, row.at.toISOString(), row.actorName ?? row.actorPseudonym, row.actorRole, row.action, row.outcome, row.patientName ?? row.patientPseudonym, row.resourceType, row.resourceId, row.clientAddress]),
    ),
  ];
  return new Response(lines.join(''), {
    headers: {
      ...headers,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="uplift-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
    },
  });
}
