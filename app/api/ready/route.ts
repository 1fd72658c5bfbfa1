import { isDatabaseReady } from '@/lib/dal/health';

export const dynamic = 'force-dynamic';

/** Readiness: 503 while the database cannot be reached, so a load balancer stops sending traffic. */
export async function GET() {
  const ready = await isDatabaseReady();
  return Response.json(
    { status: ready ? 'ready' : 'unavailable' },
    { status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
