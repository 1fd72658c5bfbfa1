/**
 * `npm start`: prepare the database (migrate; seed the demo on an empty embedded database), build
 * when there is no current production build, then serve. The database is opened and closed here
 * before the server opens it: PGlite allows one process per data folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { dataDir, openConfiguredDatabase } from '../db/connection';
import { migrateConfiguredDatabase } from '../db/roles';
import { isDatabaseEmpty, seedDemo } from '../db/seed';
import { fail, log, resolveAuthSecret, serverNodeOptions, spawnJobProcess } from './lib';

const dev = process.argv.includes('--dev');
const root = process.cwd();
const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '127.0.0.1';
/** Server processes sharing the port (PostgreSQL only; scripts/next-cluster.mjs). */
const workers = Number(process.env.UPLIFT_WORKERS || '1');
/**
 * Where the background jobs run (README, "Background jobs"): `process`, a process of its own beside the
 * server, below its priority (the default on PostgreSQL); `server`, inside the server process (the
 * default on the embedded database, which allows one process); `off`, not here (`npm run jobs` elsewhere).
 */
const jobs = process.env.UPLIFT_JOBS || (process.env.DATABASE_URL && !dev ? 'process' : 'server');

const SOURCE_ENTRIES = ['app', 'components', 'lib', 'db', 'public', 'proxy.ts', 'next.config.mjs', 'tailwind.config.ts', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json'];

function newestSourceMtime(entry: string): number {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(full)) {
    if (child.endsWith('.test.ts') || child === 'node_modules') continue;
    newest = Math.max(newest, newestSourceMtime(path.join(entry, child)));
  }
  return newest;
}

function buildIsCurrent(): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  return SOURCE_ENTRIES.every((entry) => newestSourceMtime(entry) <= built);
}

async function prepareDatabase(): Promise<void> {
  const embedded = !process.env.DATABASE_URL;
  log(embedded ? `embedded database in ${dataDir()}` : 'PostgreSQL from DATABASE_URL');
  try {
    const started = Date.now();
    if (!embedded) {
      // As the owner when MIGRATION_DATABASE_URL is set, then the application role's grants (db/roles.ts).
      await migrateConfiguredDatabase();
      log(`migrations applied (${Date.now() - started} ms)`);
      return;
    }
    const handle = openConfiguredDatabase();
    try {
      await handle.migrate();
      log(`migrations applied (${Date.now() - started} ms)`);
      if (await isDatabaseEmpty(handle.db)) {
        const seeded = await seedDemo(handle.db);
        log(`demo clinic seeded: ${seeded.patients} patients, ${seeded.painEntries} pain entries, ${seeded.exerciseLogs} exercise logs`);
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    fail(`the database could not be prepared (${(error as Error).message}).`);
  }
}

async function main() {
  if (!Number.isInteger(workers) || workers < 1) fail('UPLIFT_WORKERS must be a whole number of at least 1.');
  if (workers > 1 && !process.env.DATABASE_URL) fail('UPLIFT_WORKERS above 1 needs DATABASE_URL: the embedded database allows one server process.');
  if (workers > 1 && dev) fail('UPLIFT_WORKERS above 1 is for the production server, not --dev.');
  if (!['process', 'server', 'off'].includes(jobs)) fail('UPLIFT_JOBS takes process, server or off.');
  if (jobs === 'process' && !process.env.DATABASE_URL) fail('UPLIFT_JOBS=process needs DATABASE_URL: the embedded database allows one process, so its server runs the jobs.');
  const authSecret = resolveAuthSecret();
  await prepareDatabase();
  const nextBin = path.join(root, 'node_modules', '.bin', 'next');
  if (!dev && !buildIsCurrent()) {
    log('building the production bundle (first run or sources changed)…');
    const build = spawnSync(nextBin, ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (build.status !== 0) fail('the production build failed.');
  }
  log(`serving on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}${workers > 1 ? ` with ${workers} server processes` : ''}; background jobs ${jobs === 'process' ? 'in a process of their own' : jobs === 'server' ? 'in the server' : 'not run here (UPLIFT_JOBS=off)'}`);
  const nextArgs = [dev ? 'dev' : 'start', '-p', port, '-H', host];
  // Exec-like: the server is our direct child and receives our signals, so no orphan keeps the port.
  const [command, args] = workers > 1 ? [process.execPath, [path.join(root, 'scripts', 'next-cluster.mjs'), String(workers), ...nextArgs]] : [nextBin, nextArgs];
  const env = { ...process.env, AUTH_SECRET: authSecret, AUTH_TRUST_HOST: 'true', UPLIFT_DATA_DIR: dataDir(), NEXT_TELEMETRY_DISABLED: '1', UPLIFT_JOBS: jobs };
  const server = spawn(command, args, { stdio: 'inherit', env: { ...env, ...(dev ? {} : { NODE_OPTIONS: serverNodeOptions() }) } });
  let stopping = false;
  let jobRunner = jobs === 'process' ? startJobs(env) : null;
  function startJobs(jobEnv: NodeJS.ProcessEnv) {
    const child = spawnJobProcess(jobEnv);
    child.on('exit', (code, signal) => {
      if (stopping) return;
      // Its jobs are safe (one cut short runs again once it expires); the runner comes back in a few seconds.
      log(`job runner exited (${signal ?? code}); starting another`);
      setTimeout(() => {
        if (!stopping) jobRunner = startJobs(jobEnv);
      }, 5_000);
    });
    return child;
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopping = true;
      jobRunner?.kill(signal);
      server.kill(signal);
    });
  }
  server.on('exit', (code, signal) => {
    stopping = true;
    jobRunner?.kill('SIGTERM');
    process.exit(code ?? (signal ? 0 : 1));
  });
}

void main();
