/**
 * A server process's job runner, reduced to one job kind, for the fault test's "killed while a job
 * runs" check (scripts/faults/jobs.ts). Each attempt is recorded in `fault_job_attempts` by the
 * process that made it. With FAULT_JOB_HANG=1 an attempt never finishes, so the parent can kill
 * this process in the middle of it.
 */
import postgres from 'postgres';
import { openPostgres } from '../../db/connection';
import { startJobRunner } from '../../lib/jobs/runner';
import type { JobKind } from '../../lib/jobs/kinds';

const FAULT_JOB_KIND = 'fault-test-killed-mid-run';

const url = process.env.FAULT_JOB_DATABASE_URL;
if (!url) throw new Error('FAULT_JOB_DATABASE_URL is required');
const hang = process.env.FAULT_JOB_HANG === '1';

const recorder = postgres(url, { max: 1, onnotice: () => {} });

const kind: JobKind = {
  name: FAULT_JOB_KIND,
  retryLimit: 3,
  retryDelaySeconds: 1,
  // Short, so the killed attempt is declared dead within seconds instead of minutes.
  expireInSeconds: 2,
  run: async (_handle, data) => {
    const [attempt] = await recorder`insert into fault_job_attempts (token, pid) values (${String(data.token)}, ${process.pid}) returning id`;
    if (hang) await new Promise(() => {});
    await recorder`update fault_job_attempts set finished_at = now() where id = ${attempt!.id}`;
    return 'finished';
  },
};

startJobRunner(openPostgres(url, { max: 4 }), { kinds: [kind], schedules: false, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 })
  .then(() => console.log('ready'))
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
