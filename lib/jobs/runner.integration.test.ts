import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type DatabaseHandle } from '@/db/connection';
import { createCareTeam, insertPainEntryRow } from '@/db/factories';
import { alerts } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { MS_PER_DAY } from '@/lib/time';
import { JOB_KINDS, type JobKind } from './kinds';
import { startJobRunner, type JobRunner } from './runner';

/**
 * The job runner on a real database: PGlite in memory, or PostgreSQL when DATABASE_URL is set, where
 * the two runners below use two connection pools, as two server processes would.
 */
let handle: DatabaseHandle;
let second: DatabaseHandle;
const runners: JobRunner[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  if (handle.kind === 'postgres') {
    const [row] = (await handle.executeSql('select current_database() as name')).rows;
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${String(row!.name)}`;
    second = openPostgres(url.toString(), { max: 4 });
  } else {
    second = handle;
  }
});

afterAll(async () => {
  for (const runner of runners) await runner.queue.stop({ graceful: false, wait: true, timeout: 2_000 }).catch(() => {});
  if (second !== handle) await second.close();
  await handle.close();
});

async function start(on: DatabaseHandle, kinds: readonly JobKind[], maintenanceIntervalSeconds = 120) {
  const runner = await startJobRunner(on, { kinds, schedules: false, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds });
  runners.push(runner);
  return runner;
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the job runner', () => {
  it('runs each job exactly once when two runners share the queue', async () => {
    const runs = new Map<string, number>();
    const kind: JobKind = {
      name: 'test-once',
      retryLimit: 2,
      retryDelaySeconds: 1,
      expireInSeconds: 60,
      run: async (_handle, data) => {
        const key = String(data.n);
        runs.set(key, (runs.get(key) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return 'ok';
      },
    };
    const first = await start(handle, [kind]);
    await start(second, [kind]);
    for (let n = 0; n < 20; n++) await first.queue.send(kind.name, { n });
    await waitFor(() => runs.size === 20);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(runs.size).toBe(20);
  });

  it('retries a job whose worker died, once the job has expired', async () => {
    let attempts = 0;
    let finished = 0;
    const kind: JobKind = {
      name: 'test-crash',
      retryLimit: 2,
      retryDelaySeconds: 0,
      expireInSeconds: 1,
      run: async () => {
        attempts += 1;
        // The first attempt never answers, as if its server process had been killed mid-job.
        if (attempts === 1) await new Promise(() => {});
        finished += 1;
        return 'ok';
      },
    };
    const dying = await start(handle, [kind], 1);
    await dying.queue.send(kind.name, {});
    await waitFor(() => attempts === 1);
    await waitFor(() => finished === 1, 30_000);
    expect(attempts).toBe(2);
    expect(finished).toBe(1);
  });

  it('starts a job early when its prompt finds work waiting, across two runners, and not otherwise', async () => {
    let waiting = false;
    let runs = 0;
    const kind: JobKind = {
      name: 'test-prompt',
      cron: '0 0 1 1 *',
      retryLimit: 0,
      retryDelaySeconds: 1,
      expireInSeconds: 60,
      prompt: { everySeconds: 1, waiting: async () => waiting },
      run: async () => {
        runs += 1;
        waiting = false;
        return 'ok';
      },
    };
    await start(handle, [kind]);
    await start(second, [kind]);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(runs).toBe(0);
    waiting = true;
    await waitFor(() => runs > 0, 10_000);
    // Throttled to one job per interval across both runners: a check that saw the work just before it
    // was done may add one more run (harmless for delivery, which claims what is due); then none.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const settled = runs;
    expect(settled).toBeLessThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(runs).toBe(settled);
  });

  it('runs the time-based alert rules as a job', async () => {
    const team = await createCareTeam(handle.db);
    await insertPainEntryRow(handle.db, team.episode.id, 4, new Date(Date.now() - 10 * MS_PER_DAY));
    const kinds = JOB_KINDS.filter((kind) => kind.name === 'time-based-alerts');
    const runner = await start(handle, kinds);
    await runner.queue.send('time-based-alerts', {});
    await waitFor(async () => (await handle.db.select().from(alerts).where(eq(alerts.episodeId, team.episode.id))).some((alert) => alert.reason === 'inactive'));
  });
});
