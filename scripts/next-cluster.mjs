/**
 * `node scripts/next-cluster.mjs <workers> <next start arguments…>`: runs `next start` in several
 * worker processes sharing one port (node:cluster), so a server with more than one core uses them.
 * Only with PostgreSQL (DATABASE_URL): the embedded database allows one process per data folder.
 * A worker that dies is replaced; SIGINT/SIGTERM stop every worker, then the primary.
 * Used by `npm start` when UPLIFT_WORKERS > 1, and by `npm run bench -- --workers N`.
 */
import cluster from 'node:cluster';
import path from 'node:path';

const [count, ...nextArgs] = process.argv.slice(2);
const workers = Number(count);
if (!Number.isInteger(workers) || workers < 1) {
  console.error('usage: node scripts/next-cluster.mjs <workers> start -p <port> -H <host>');
  process.exit(2);
}

cluster.setupPrimary({ exec: path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next'), args: nextArgs });
let stopping = false;
for (let i = 0; i < workers; i += 1) cluster.fork();
cluster.on('exit', (worker, code, signal) => {
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    return;
  }
  console.error(`[uplift] server worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
  cluster.fork();
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    const running = Object.values(cluster.workers ?? {});
    if (running.length === 0) process.exit(0);
    for (const worker of running) worker?.process.kill(signal);
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
