import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connection';
import { createTestDatabase } from '@/db/testing';
import { createQueue } from '@/lib/jobs/queue';

/**
 * `npm run jobs`, the runner in a process of its own: on PostgreSQL (CI sets DATABASE_URL) it takes a
 * queued job and stops cleanly on SIGTERM; on the embedded database it refuses, since only the server
 * process may open the data folder.
 */
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});

afterAll(async () => {
  await handle.close();
});

function databaseUrlOf(name: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

describe('npm run jobs', () => {
  it('runs queued jobs in its own process on PostgreSQL and stops on SIGTERM; refuses without PostgreSQL', async () => {
    const script = ['--import', 'tsx', '--conditions=react-server', 'scripts/run-jobs.ts'];
    if (handle.kind !== 'postgres') {
      const refused = spawnSync(process.execPath, script, { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' }, timeout: 30_000 });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('needs DATABASE_URL');
      return;
    }
    const [row] = (await handle.executeSql('select current_database() as name')).rows;
    const child = spawn(process.execPath, script, {
      env: { ...process.env, DATABASE_URL: databaseUrlOf(String(row!.name)), AUTH_SECRET: 'a'.repeat(40), UPLIFT_JOBS_NICE: '5' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const until = async (condition: () => Promise<boolean> | boolean) => {
        const deadline = Date.now() + 30_000;
        while (!(await condition())) {
          if (Date.now() > deadline) throw new Error(`timed out; the process said:\n${output}`);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      };
      await until(() => output.includes('job runner started'));
      const queue = createQueue(handle);
      await queue.start();
      const id = await queue.send('morning-digest', {});
      await until(async () => (await queue.getJobById('morning-digest', id!))?.state === 'completed');
      await queue.stop({ graceful: false, wait: true, timeout: 2_000 });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
