/**
 * The job runner of a server process, started once from instrumentation.ts, unless UPLIFT_JOBS says
 * the jobs run elsewhere (README, "Background jobs") or nowhere (the end-to-end tests, whose data must
 * not change under them on a timer).
 */
import { getDatabaseHandle } from '@/db/client';
import type { DatabaseHandle } from '@/db/connection';
import { log } from '@/lib/log';
import { openJobDatabase } from './queue';
import { startJobRunner, type JobRunner } from './runner';

const globalForJobs = globalThis as unknown as { upliftJobs?: Promise<JobRunner | null> };

export function startServerJobs(): Promise<JobRunner | null> {
  // `process`: `npm start` runs them in a process of its own (scripts/run-jobs.ts); `off`: elsewhere or nowhere.
  if (process.env.UPLIFT_JOBS === 'off' || process.env.UPLIFT_JOBS === 'process') return Promise.resolve(null);
  globalForJobs.upliftJobs ??= startJobRunner(jobDatabase()).catch((error: Error) => {
    // The pages still work without the runner; the time-based checks wait until it starts.
    log().error({ event: 'jobs.start_failed', error }, 'job runner did not start');
    return null;
  });
  return globalForJobs.upliftJobs;
}

/** On PostgreSQL the runner's own pool; the embedded database is one connection in this process, shared by both. */
function jobDatabase(): DatabaseHandle {
  const url = process.env.DATABASE_URL;
  return url ? openJobDatabase(url) : getDatabaseHandle();
}
