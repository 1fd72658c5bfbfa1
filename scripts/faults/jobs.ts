/**
 * The job runner survives a server process killed in the middle of a job: the job is not lost, it
 * runs again in the next process once its expiry passes, and it finishes exactly once.
 * A child process (scripts/faults/job-worker.ts) runs the real runner (lib/jobs/runner.ts) on the
 * fault test's PostgreSQL; it is killed with SIGKILL while the job's handler is running, and a
 * second child takes over.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import postgres from 'postgres';
import { openPostgres } from '../../db/connection';
import { createQueue } from '../../lib/jobs/queue';

const FAULT_JOB_KIND = 'fault-test-killed-mid-run';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Check = (name: string, ok: boolean, detail?: string) => void;

function startWorker(root: string, url: string, hang: boolean): Promise<ChildProcess> {
  // Node itself with tsx as a loader (not the tsx command, which runs Node as a child of its own):
  // SIGKILL must reach the process that runs the job.
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join(root, 'scripts/faults/job-worker.ts')], {
    cwd: root,
    env: { ...process.env, FAULT_JOB_DATABASE_URL: url, FAULT_JOB_HANG: hang ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('job worker did not start')), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString('utf8').includes('ready')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => reject(new Error(`job worker exited with ${code}`)));
  });
}

async function waitFor<T>(read: () => Promise<T | null>, timeoutMs: number): Promise<T | null> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null || Date.now() > until) return value;
    await sleep(250);
  }
}

export async function aJobKilledMidRunRunsOnceAfterRestart(root: string, url: string, check: Check): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql`create table if not exists fault_job_attempts (id serial primary key, token text not null, pid int not null, finished_at timestamptz)`;
  const children: ChildProcess[] = [];
  try {
    const first = await startWorker(root, url, true);
    children.push(first);
    const token = randomUUID();
    const sender = openPostgres(url, { max: 2 });
    const queue = createQueue(sender);
    await queue.start();
    const jobId = await queue.send(FAULT_JOB_KIND, { token });
    await queue.stop({ graceful: false, wait: true, timeout: 2_000 });
    await sender.close();

    const started = await waitFor(async () => {
      const rows = await sql`select pid from fault_job_attempts where token = ${token}`;
      return rows.length ? rows : null;
    }, 30_000);
    check('a job starts in the first server process', started?.[0]?.pid === first.pid);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));

    const second = await startWorker(root, url, false);
    children.push(second);
    const finished = await waitFor(async () => {
      const rows = await sql`select pid from fault_job_attempts where token = ${token} and finished_at is not null`;
      return rows.length ? rows : null;
    }, 60_000);
    // Long enough for a second, wrong run to show up: three expiry periods and several polls.
    await sleep(6_000);
    const attempts = await sql`select pid, finished_at from fault_job_attempts where token = ${token} order by id`;
    const [state] = await sql`select state from pgboss.job where id = ${jobId!}`;
    check(
      'the job killed mid-run runs again in the next process and finishes exactly once',
      finished !== null &&
        attempts.filter((row) => row.finished_at !== null).length === 1 &&
        attempts.length === 2 &&
        attempts[1]!.pid === second.pid &&
        state?.state === 'completed',
      `${attempts.length} attempts, ${attempts.filter((row) => row.finished_at !== null).length} finished, job ${state?.state ?? 'missing'}`,
    );
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await sql`drop table if exists fault_job_attempts`;
    await sql.end();
  }
}
