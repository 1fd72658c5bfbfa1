import { openClinicFhirExport } from '@/lib/dal/data-export-clinic';
import { isAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };

/**
 * The whole clinic as FHIR Bulk Data style NDJSON files in a zip, streamed: the next page of the database is
 * read only when the client has taken what was sent. Managers of the clinic only (checked and audited in the
 * DAL); 401 without a session, 403 for other roles. A failure part-way aborts the response, so the browser
 * reports a failed download rather than saving a complete-looking file.
 */
export async function GET(): Promise<Response> {
  let opened: Awaited<ReturnType<typeof openClinicFhirExport>>;
  try {
    opened = await openClinicFhirExport();
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: error.code }, { status: error.status, headers: PRIVATE });
    throw error;
  }
  const { chunks, filename } = opened;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        // Ids and codes only in logs: never the rows.
        console.error('clinic FHIR export failed', { code: isAppError(error) ? error.code : 'internal' });
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(stream, {
    headers: { ...PRIVATE, 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="${filename}"` },
  });
}
