import { getEpisodeFhirBundle } from '@/lib/dal/data-export';
import { isAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };

/**
 * The episode's record as a FHIR R4 Bundle (JSON), for the assigned clinician only (checked and audited in
 * the DAL). 401 without a session, 403 for other roles, 404 for an episode outside their caseload.
 */
export async function GET(_request: Request, context: { params: Promise<{ episodeId: string }> }): Promise<Response> {
  const { episodeId } = await context.params;
  try {
    const download = await getEpisodeFhirBundle(episodeId);
    if (!download) return Response.json({ error: 'not_found' }, { status: 404, headers: PRIVATE });
    return new Response(JSON.stringify(download.bundle, null, 2), {
      headers: {
        ...PRIVATE,
        'Content-Type': 'application/fhir+json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${download.filename}"`,
      },
    });
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: error.code }, { status: error.status, headers: PRIVATE });
    throw error;
  }
}
