/**
 * Keeps the server's job runner busy while the bench measures pages (`npm run bench -- --jobs idle,busy`):
 * the heaviest scheduled job, the time-based alert evaluation over the whole generated clinic, is
 * queued every few seconds from the bench process, and the server's runner works through them one
 * after another for the whole run. The bench process only sends; the server does the work.
 */
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/connection';
import { executeRows } from '../../db/rows';
import { createQueue } from '../../lib/jobs/queue';

export const LOAD_JOB = 'time-based-alerts';

export type JobLoad = { stop: () => Promise<{ sent: number; completed: number }> };

export async function startJobLoad(handle: DatabaseHandle, intervalMs = 3_000): Promise<JobLoad> {
  const queue = createQueue(handle);
  await queue.start();
  const started = new Date();
  let sent = 0;
  const send = () =>
    queue
      .send(LOAD_JOB, {})
      .then(() => {
        sent += 1;
      })
      .catch(() => undefined);
  await send();
  const timer = setInterval(send, intervalMs);
  return {
    stop: async () => {
      clearInterval(timer);
      const [row] = await executeRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from pgboss.job where name = ${LOAD_JOB} and state = 'completed' and completed_on >= ${started.toISOString()}::timestamptz`,
      );
      // What is still queued is dropped, so the next run starts with an idle runner.
      await executeRows(handle.db, sql`delete from pgboss.job where name = ${LOAD_JOB} and state in ('created', 'retry')`);
      await queue.stop({ graceful: false, wait: true, timeout: 5_000 });
      return { sent, completed: row?.n ?? 0 };
    },
  };
}
