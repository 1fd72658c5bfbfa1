/** One bounded load run with autocannon on loopback: exact median and p95 from every response. */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

export type Measurement = {
  connections: number;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Responses with status 400 or more. */
  failed: number;
  errors: number;
  /** Action responses whose body says the input was refused (the route table's fields are wrong). */
  refused: number;
  /**
   * CPU time per request (user + system, ms) of the server's process tree and of the PostgreSQL cluster's,
   * read from /proc around the measurement; null where it cannot be read (PGlite runs inside the server).
   */
  cpuMs?: { server: number | null; database: number | null };
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Idempotency keys of the rows the bench itself writes: a fixed prefix, so the next run can delete them
 * (removeBenchWrites) and the generated patient keeps the diary of a real one, not thousands of entries.
 */
export const BENCH_SUBMISSION_PREFIX = 'be4c0000-0000-4000-8000-';
export function benchSubmissionId(): string {
  return BENCH_SUBMISSION_PREFIX + randomUUID().slice(-12);
}

export type LoadRequest = {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /**
   * Several people, one session cookie each: connection i posts as person i (modulo their number), one
   * request at a time, as people do. Otherwise every connection sends headers.cookie.
   */
  cookies?: string[];
};

export async function measure(origin: string, request: LoadRequest, connections: number, seconds: number): Promise<Measurement> {
  const latencies: number[] = [];
  let refused = 0;
  let failed = 0;
  const template = request.body;
  // autocannon cannot tell its connections apart in `setupRequest`, so with several people each gets an
  // instance of one connection. Taking the cookies in turn per request instead put two of one person's
  // requests in flight at once whenever a connection overtook another, and the second then waited for
  // the first's row locks, which ten different people never do.
  const people = request.cookies?.length ? Array.from({ length: connections }, (_, index) => request.cookies![index % request.cookies!.length]!) : [null];
  const instances = people.map((cookie) => {
    const headers = cookie === null ? request.headers : { ...request.headers, cookie };
    const instance = autocannon({
      url: origin,
      connections: cookie === null ? connections : 1,
      duration: seconds,
      timeout: 30,
      requests: [
        {
          method: request.method,
          path: request.path,
          headers,
          ...(template === undefined
            ? {}
            : {
                body: template.replaceAll('{uuid}', benchSubmissionId()),
                // A fresh idempotency key per request, or every submit after the first is a no-op duplicate.
                setupRequest: (built) => ({ ...built, body: template.replaceAll('{uuid}', benchSubmissionId()) }),
                onResponse: (_status, body) => {
                  if (/"ok":false|fieldErrors|formError/.test(body)) refused += 1;
                },
              }),
        },
      ],
    });
    instance.on('response', (_client, status, _bytes, responseTime) => {
      latencies.push(responseTime);
      // A server action that succeeds may answer with a redirect (303): only 4xx and 5xx are failures.
      if (status >= 400) failed += 1;
    });
    return instance;
  });
  const results = await Promise.all(instances);
  const duration = Math.max(...results.map((result) => result.duration || seconds));
  latencies.sort((a, b) => a - b);
  return {
    connections,
    requests: latencies.length,
    perSecond: latencies.length / duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    failed,
    errors: results.reduce((sum, result) => sum + result.errors + result.timeouts, 0),
    refused,
  };
}
