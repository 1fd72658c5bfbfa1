/**
 * Starts the queue and a worker for every job kind, and registers the kinds that run on a schedule.
 * Called once per server process (instrumentation.ts) and by tests with their own database.
 */
import type PgBoss from 'pg-boss';
import type { DatabaseHandle } from '@/db/connection';
import { log } from '@/lib/log';
import { JOB_KINDS, type JobKind } from './kinds';
import { createQueue, type QueueOptions } from './queue';

export type JobRunner = { queue: PgBoss; stop: () => Promise<void> };

export async function startJobRunner(
  handle: DatabaseHandle,
  options: QueueOptions & { kinds?: readonly JobKind[]; schedules?: boolean } = {},
): Promise<JobRunner> {
  const kinds = options.kinds ?? JOB_KINDS;
  const queue = createQueue(handle, options);
  // The queue reports its own faults here; they carry no job data. Log lines hold ids, counts and
  // outcomes only: job data never holds health data, and none of it is logged.
  queue.on('error', (error) => log().error({ event: 'jobs.queue_error', error }, 'job queue error'));
  await queue.start();
  for (const kind of kinds) {
    await queue.createQueue(kind.name, {
      name: kind.name,
      retryLimit: kind.retryLimit,
      retryDelay: kind.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: kind.expireInSeconds,
    });
    if (kind.cron && options.schedules !== false) await queue.schedule(kind.name, kind.cron, {}, { tz: 'UTC' });
    await queue.work<Record<string, unknown>>(kind.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5, batchSize: 1 }, async ([job]) => {
      if (!job) return;
      const started = Date.now();
      const outcome = await kind.run(handle, job.data ?? {});
      log().info({ event: 'jobs.done', kind: kind.name, job: job.id, ms: Date.now() - started, outcome }, 'job done');
    });
  }
  return { queue, stop: () => queue.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}
