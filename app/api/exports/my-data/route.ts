import { exportMyData } from '@/lib/dal/data-export';
import { isAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };

/**
 * "Download my data": the signed-in patient's own record as a zip (FHIR Bundle, printable summary, CSV
 * tables). POST because each download counts against a rate limit; a cross-site form cannot send the
 * session cookie (SameSite=Lax), and a cross-site Origin is refused. 401 without a session, 403 for staff; while rate-limited, back to the account page.
 */
export async function POST(request: Request): Promise<Response> {
  // Defence in depth beside SameSite=Lax: a form posted from another site is refused before anything runs.
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (origin && (!URL.canParse(origin) || new URL(origin).host !== host)) {
    return Response.json({ error: 'forbidden' }, { status: 403, headers: PRIVATE });
  }
  try {
    const result = await exportMyData();
    if (!result.ok) {
      // Back to the account page, which says in plain words when to try again; Retry-After for other clients.
      const seconds = Math.max(1, Math.ceil((result.retryAfter.getTime() - Date.now()) / 1000));
      return new Response(null, { status: 303, headers: { ...PRIVATE, Location: '/patient/account?download=wait', 'Retry-After': String(seconds) } });
    }
    return new Response(result.zip as Uint8Array<ArrayBuffer>, {
      headers: {
        ...PRIVATE,
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${result.filename}"`,
      },
    });
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: error.code }, { status: error.status, headers: PRIVATE });
    throw error;
  }
}
