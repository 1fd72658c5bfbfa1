import { clientAddressFrom } from '@/lib/auth/client-address';
import { ICS_CONTENT_TYPE } from '@/lib/appointments/ics';
import { calendarFeedFor } from '@/lib/dal/calendar';

export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

/**
 * A patient's private calendar feed (docs/APPOINTMENTS.md, "Calendar files"). The secret in the address is the
 * only credential, since calendar apps cannot sign in; a revoked, unknown or someone else's old address is 404
 * with nothing in the body.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const secret = token.replace(/\.ics$/, '');
  const body = await calendarFeedFor(secret, clientAddressFrom(request.headers));
  if (body === null) return new Response('Not found', { status: 404, headers: { ...PRIVATE, 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(body, { headers: { ...PRIVATE, 'Content-Type': ICS_CONTENT_TYPE } });
}
