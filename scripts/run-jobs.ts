/**
 * `npm run jobs`: the background job runner in a process of its own, on PostgreSQL (DATABASE_URL).
 * `npm start` starts one beside the web server on PostgreSQL (UPLIFT_JOBS, README "Background jobs"),
 * so a job's work never takes the thread a page is rendered on, and runs it below the pages' priority
 * (`UPLIFT_JOBS_NICE`, 10 by default): when the machine is busy, requests go first. Run it by hand on
 * another machine with UPLIFT_JOBS=off on the web servers. Several may run at once; each job runs once.
 */
import os from 'node:os';
import { installDatabaseErrorRedaction } from '../db/errors';
import { openJobDatabase } from '../lib/jobs/queue';
import { startJobRunner } from '../lib/jobs/runner';
import { redactConsole } from '../lib/log';
import { fail, log } from './lib';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) fail('npm run jobs needs DATABASE_URL: with the embedded database the server runs its jobs itself.');
  const nice = Number(process.env.UPLIFT_JOBS_NICE ?? '10');
  if (!Number.isInteger(nice) || nice < 0 || nice > 19) fail('UPLIFT_JOBS_NICE must be a whole number from 0 to 19.');
  installDatabaseErrorRedaction();
  redactConsole();
  os.setPriority(nice);
  const handle = openJobDatabase(url);
  const runner = await startJobRunner(handle);
  log(`job runner started (process ${process.pid}, nice ${nice})`);
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      // Jobs in hand get a few seconds to finish; one cut short is retried when it expires.
      void runner
        .stop()
        .catch(() => undefined)
        .then(() => handle.close())
        .finally(() => process.exit(0));
    });
  }
}

main().catch((error: Error) => fail(`the job runner did not start (${error.message}).`));
