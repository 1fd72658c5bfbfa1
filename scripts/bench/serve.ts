/**
 * `npx tsx scripts/bench/serve.ts`: the bench's server on the generated PostgreSQL clinic, kept running
 * for hand measurements (autocannon, curl, profiles). Prints the origin and writes one signed-in Cookie
 * header per role to bench-results/cookie-<role>.txt, renewed every 30 s. Ctrl-C stops the server and
 * the cluster.
 * Flags: --patients N (10000), --pg-dir, --pg-port, --port (3170), --profile DIR (node --cpu-prof),
 * --workers N (server processes, as UPLIFT_WORKERS).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { signIn } from './http';
import { startCluster } from './postgres';
import { startServer } from './server';
import { benchAccounts } from '../generate/clinic';

const { values } = parseArgs({
  options: {
    patients: { type: 'string', default: '10000' },
    port: { type: 'string', default: '3170' },
    'pg-port': { type: 'string', default: '5470' },
    'pg-dir': { type: 'string', default: path.join(os.tmpdir(), 'uplift-bench-postgres') },
    profile: { type: 'string' },
    workers: { type: 'string', default: '1' },
  },
});

async function main() {
  const patients = Number(values.patients);
  const cluster = startCluster(path.resolve(values['pg-dir']!), Number(values['pg-port']), { fresh: false });
  const url = cluster.url.replace(/\/[^/]*$/, `/uplift_bench_${patients}`);
  const nodeArgs = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values.profile)}`] : [];
  const server = await startServer(Number(values.port), { DATABASE_URL: url }, nodeArgs, Number(values.workers));
  const accounts = benchAccounts(patients);
  mkdirSync('bench-results', { recursive: true });
  // Signed in again every 30 s: a cookie over a minute old is re-issued on every response, which a
  // browser would not cause (see scripts/bench.ts). Read the file when a measurement starts.
  const writeCookies = async () => {
    for (const role of ['patient', 'clinician', 'manager'] as const) {
      writeFileSync(path.join('bench-results', `cookie-${role}.txt`), await signIn(server.origin, accounts[role], accounts.password));
    }
  };
  await writeCookies();
  // A failed renewal is reported, not fatal: the files then keep the last cookies, which go stale.
  const refresh = setInterval(() => void writeCookies().catch((error: unknown) => console.error(`signing in again failed: ${String(error)}`)), 30_000);
  console.log(`serving ${server.origin} (pid ${server.pid}) on ${url}; cookies in bench-results/cookie-<role>.txt`);
  const stop = async () => {
    clearInterval(refresh);
    await server.stop();
    cluster.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
