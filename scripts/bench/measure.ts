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
  /** Session cookies to take in turn, one per request (several people); otherwise headers.cookie. */
  cookies?: string[];
};

export async function measure(origin: string, request: LoadRequest, connections: number, seconds: number): Promise<Measurement> {
  const latencies: number[] = [];
  let refused = 0;
  let turn = 0;
  const template = request.body;
  const instance = autocannon({
    url: origin,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: request.method,
        path: request.path,
        headers: request.headers,
        ...(template === undefined
          ? {}
          : {
              body: template.replaceAll('{uuid}', benchSubmissionId()),
              // A fresh idempotency key per request, or every submit after the first is a no-op duplicate.
              setupRequest: (built) => ({
                ...built,
                body: template.replaceAll('{uuid}', benchSubmissionId()),
                headers: request.cookies ? { ...built.headers, cookie: request.cookies[turn++ % request.cookies.length]! } : built.headers,
              }),
              onResponse: (_status, body) => {
                if (/"ok":false|fieldErrors|formError/.test(body)) refused += 1;
              },
            }),
      },
    ],
  });
  let failed = 0;
  instance.on('response', (_client, status, _bytes, responseTime) => {
    latencies.push(responseTime);
    // A server action that succeeds may answer with a redirect (303): only 4xx and 5xx are failures.
    if (status >= 400) failed += 1;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    connections,
    requests: latencies.length,
    perSecond: latencies.length / (result.duration || seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    failed,
    errors: result.errors + result.timeouts,
    refused,
  };
}
