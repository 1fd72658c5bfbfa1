import { requireViewer } from '@/lib/auth/viewer';
import { exportAuditEvents } from '@/lib/dal/audit-trail';
import { isAppError } from '@/lib/errors';
import { auditFilterFrom, parseAuditQuery } from '@/lib/validation/audit';

export const dynamic = 'force-dynamic';

/** Spreadsheet software runs cells starting with these as formulas (CSV injection). */
function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

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
    ['id', 'at_utc', 'actor', 'actor_role', 'action', 'outcome', 'patient', 'resource_type', 'resource_id', 'client_address'].join(','),
    ...rows.map((row) =>
      [row.id, row.at.toISOString(), row.actorName, row.actorRole, row.action, row.outcome, row.patientName, row.resourceType, row.resourceId, row.clientAddress]
        .map(cell)
        .join(','),
    ),
  ];
  return new Response(`${lines.join('\r\n')}\r\n`, {
    headers: {
      ...headers,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="uplift-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
    },
  });
}
