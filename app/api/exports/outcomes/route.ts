import { log } from '@/lib/log';
import { getOutcomeContext, openOutcomeExport } from '@/lib/dal/outcomes';
import { isAppError } from '@/lib/errors';
import { csvLine, csvPreamble, exportCells, exportHeader } from '@/lib/outcomes/csv';
import { ADHERENT_FRACTION } from '@/lib/outcomes/definitions';
import { parseOutcomeFilter } from '@/lib/validation/outcomes';

export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };

/**
 * Episode-level outcomes as CSV, streamed page by page so a large clinic never sits in memory.
 * Managers of the clinic only (checked in the DAL); 401 without a session, 403 for other roles,
 * 400 for a malformed filter.
 */
export async function GET(request: Request): Promise<Response> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  let opened: Awaited<ReturnType<typeof openOutcomeExport>>;
  let filter;
  try {
    // Manager only (the DAL refuses everyone else); "today" is the clinic's, as on the outcomes page.
    const { today } = await getOutcomeContext();
    const parsed = parseOutcomeFilter(params, today);
    if (Object.keys(parsed.errors).length > 0) {
      return Response.json({ error: 'invalid_input', fields: parsed.errors }, { status: 400, headers: PRIVATE });
    }
    filter = parsed.filter;
    opened = await openOutcomeExport(filter);
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: error.code }, { status: error.status, headers: PRIVATE });
    throw error;
  }
  const { context, pages } = opened;
  const withNames = context.managersSeePatientIdentity;
  const clinicianName = filter.clinicianId ? (context.clinicians.find((c) => c.id === filter.clinicianId)?.name ?? 'unknown') : null;
  const encoder = new TextEncoder();
  const iterator = pages();
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    // Pull-based: the next page is read from the database only when the client has taken the last one.
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          const head =
            csvPreamble({ clinicName: context.clinicName, from: filter.from, to: filter.to, clinicianName, generatedAt: new Date().toISOString() }) +
            csvLine(exportHeader(withNames));
          controller.enqueue(encoder.encode(head));
          return;
        }
        const next = await iterator.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map((row) => csvLine(exportCells(row, ADHERENT_FRACTION, withNames))).join('')));
      } catch (error) {
        // Ids and codes only in logs: never the rows.
        log().error({ err: error, code: isAppError(error) ? error.code : 'internal' }, 'outcomes export failed');
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
  const filename = `uplift-outcomes-${filter.from}-to-${filter.to}.csv`;
  return new Response(stream, {
    headers: {
      ...PRIVATE,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
    },
  });
}
