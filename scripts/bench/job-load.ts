/**
 * Keeps the server's job runner busy while the bench measures pages (`npm run bench -- --jobs idle,busy`).
 * Every few seconds the bench queues one of each scheduled kind (the time-based alert evaluation, the
 * patients' reminders, visit reminders, the morning summaries, deliveries and the retention purge) over
 * the whole generated clinic: the moment at the top of each quarter hour when they all fall due
 * together, repeated far more often than the schedule does it. The bench process only sends; the
 * server's runner does the work.
 */
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/connection';
import { executeRows } from '../../db/rows';
import { JOB_KINDS } from '../../lib/jobs/kinds';
import { createQueue } from '../../lib/jobs/queue';

export const LOAD_KINDS = JOB_KINDS.filter((kind) => kind.cron).map((kind) => kind.name);

export type JobLoad = { stop: () => Promise<{ sent: number; completed: number; kinds: number }> };

export async function startJobLoad(handle: DatabaseHandle, intervalMs = 3_000): Promise<JobLoad> {
  const queue = createQueue(handle);
  await queue.start();
  const started = new Date();
  let sent = 0;
  const send = () =>
    Promise.all(LOAD_KINDS.map((name) => queue.send(name, {}).then(() => (sent += 1)))).catch(() => undefined);
  await send();
  const timer = setInterval(send, intervalMs);
  const names = JSON.stringify(LOAD_KINDS);
  const count = async (states: string) =>
    (
      await executeRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from pgboss.job
            where name in (select jsonb_array_elements_text(${names}::jsonb)) and state::text in (select jsonb_array_elements_text(${states}::jsonb))
              and created_on >= ${started.toISOString()}::timestamptz`,
      )
    )[0]?.n ?? 0;
  // The runner's workers poll every few seconds: measuring starts once one of them has taken a job.
  await until(async () => (await count('["active", "completed"]')) > 0);
  return {
    stop: async () => {
      clearInterval(timer);
      const [row] = await executeRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from pgboss.job
            where name in (select jsonb_array_elements_text(${names}::jsonb)) and state = 'completed' and completed_on >= ${started.toISOString()}::timestamptz`,
      );
      // What is still queued is dropped, so the next run starts with an idle runner.
      await executeRows(handle.db, sql`delete from pgboss.job where name in (select jsonb_array_elements_text(${names}::jsonb)) and state in ('created', 'retry')`);
      await queue.stop({ graceful: false, wait: true, timeout: 5_000 });
      // And the next round starts once the jobs already taken have finished.
      await until(async () => (await count('["active"]')) === 0);
      return { sent, completed: row?.n ?? 0, kinds: LOAD_KINDS.length };
    },
  };
}

async function until(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
}
