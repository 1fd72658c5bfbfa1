import { ICS_CONTENT_TYPE } from '@/lib/appointments/ics';
import { getMyVisitCalendar } from '@/lib/dal/calendar';
import { isAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };

/** The signed-in patient's own visit as an .ics file. 401 without a session, 403 for staff, 404 for anyone else's visit. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  try {
    const file = await getMyVisitCalendar(id);
    if (!file) return Response.json({ error: 'not_found' }, { status: 404, headers: PRIVATE });
    return new Response(file.body, { headers: { ...PRIVATE, 'Content-Type': ICS_CONTENT_TYPE, 'Content-Disposition': `attachment; filename="${file.filename}"` } });
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: error.code }, { status: error.status, headers: PRIVATE });
    throw error;
  }
}
