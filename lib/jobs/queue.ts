/**
 * The durable job queue: pg-boss, on the same database and driver as the rest of Uplift. pg-boss keeps
 * its jobs in its own schema (`pgboss`), hands each job to exactly one worker with
 * `FOR UPDATE SKIP LOCKED`, retries a failed job with backoff, and puts a job whose worker died (its
 * expiry passed with no answer) back in line. Every server process runs a worker, so several
 * processes or machines on one PostgreSQL share the work; on the embedded database the one server
 * process does. Why pg-boss and how it runs on PGlite: docs/ARCHITECTURE.md, "Background jobs".
 */
import PgBoss from 'pg-boss';
import { openPostgres, type DatabaseHandle } from '@/db/connection';

export const QUEUE_SCHEMA = 'pgboss';

export type QueueOptions = {
  /** How often a worker asks for new jobs; tests shorten it. */
  pollingIntervalSeconds?: number;
  /** How often expired jobs are put back and old ones pruned. */
  maintenanceIntervalSeconds?: number;
};

export function createQueue(handle: DatabaseHandle, options: QueueOptions = {}): PgBoss {
  return new PgBoss({
    db: { executeSql: (text, values) => handle.executeSql(text, values) },
    schema: QUEUE_SCHEMA,
    // Finished jobs are kept a week for operators, then deleted (no health data is in a job's data).
    archiveCompletedAfterSeconds: 60 * 60 * 24,
    deleteAfterDays: 7,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 120,
  });
}

/**
 * The runner's own small pool on PostgreSQL, so a job's transaction never holds a connection a page is
 * waiting for; `application_name` tells the two apart in pg_stat_activity.
 */
export function openJobDatabase(url: string): DatabaseHandle {
  return openPostgres(url, { max: 3, applicationName: 'uplift-jobs' });
}
