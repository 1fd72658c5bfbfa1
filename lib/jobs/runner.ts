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

function queueSettings(kind: JobKind) {
  return { name: kind.name, retryLimit: kind.retryLimit, retryDelay: kind.retryDelaySeconds, retryBackoff: true, expireInSeconds: kind.expireInSeconds };
}

/**
 * The queue's schema and one queue per kind, installed by the database's owner when migrations run
 * (db/roles.ts): each queue is a table of its own, so an application role that may not create tables
 * (a two-role setup) finds everything in place and the runner's own `createQueue` changes nothing.
 */
export async function installJobQueues(handle: DatabaseHandle, kinds: readonly JobKind[] = JOB_KINDS): Promise<void> {
  const queue = createQueue(handle);
  await queue.start();
  try {
    for (const kind of kinds) await queue.createQueue(kind.name, queueSettings(kind));
  } finally {
    await queue.stop({ graceful: false, wait: true, timeout: 5_000 });
  }
}

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
    await queue.createQueue(kind.name, queueSettings(kind));
    if (kind.cron && options.schedules !== false) await queue.schedule(kind.name, kind.cron, {}, { tz: 'UTC' });
    await queue.work<Record<string, unknown>>(kind.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5, batchSize: 1 }, async ([job]) => {
      if (!job) return;
      const started = Date.now();
      const outcome = await kind.run(handle, job.data ?? {});
      log().info({ event: 'jobs.done', kind: kind.name, job: job.id, ms: Date.now() - started, outcome }, 'job done');
    });
  }
  const timers = kinds.flatMap((kind) => (kind.prompt ? [promptWhenWaiting(queue, handle, kind, kind.prompt)] : []));
  return {
    queue,
    stop: async () => {
      for (const timer of timers) clearInterval(timer);
      await queue.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

function promptWhenWaiting(queue: PgBoss, handle: DatabaseHandle, kind: JobKind, prompt: NonNullable<JobKind['prompt']>): NodeJS.Timeout {
  let checking = false;
  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    prompt
      .waiting(handle)
      // Throttled: however many processes find the same work, one job is queued per interval.
      .then((waiting) => (waiting ? queue.sendThrottled(kind.name, {}, {}, prompt.everySeconds, 'prompt') : null))
      .catch((error: Error) => log().error({ event: 'jobs.prompt_failed', kind: kind.name, error }, 'job prompt check failed'))
      .finally(() => {
        checking = false;
      });
  }, prompt.everySeconds * 1000);
  // The check never keeps a process alive on its own.
  timer.unref();
  return timer;
}
