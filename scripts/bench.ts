/**
 * `npm run bench`: builds, generates a clinic (once; kept in .data/bench), starts the production
 * server on it and measures every route in scripts/bench/routes.ts with autocannon on loopback,
 * on PostgreSQL and on PGlite. Prints a table and writes the figures into docs/PERFORMANCE.md.
 *
 * Flags: --patients N (10000) · --db postgres,pglite · --duration S (10) · --connections 1,10
 *        --port P (3170) · --pg-port P (5470) and --pg-dir D (/tmp/uplift-bench-postgres): the bench's own
 *        cluster, used when DATABASE_URL is unset
 *        --fresh (regenerate) · --skip-build · --no-write · --lighthouse (needs Chromium; also measures one page view in a real browser, prefetches included)
 *        --only key,key (routes of scripts/bench/routes.ts; implies --no-write)
 *        --profile DIR (the server runs with --cpu-prof into DIR; `npm run bench:profile -- DIR` summarises)
 *        --workers N[,M] (PostgreSQL: N server processes sharing the port, as `npm start` with UPLIFT_WORKERS=N; 1;
 *                  `1,2` measures PostgreSQL once with each)
 *        --jobs idle[,busy] (PostgreSQL: `idle,busy` measures each page in --rounds pairs, one with the job
 *                  runner idle and one while it works through every scheduled kind over the whole clinic,
 *                  alternating which goes first, so drift on a shared machine falls on both; scripts/bench/job-load.ts)
 *        --rounds N (3): pairs per page and level with --jobs idle,busy
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openPglite, openPostgres, type DatabaseHandle } from '../db/connection';
import { executeRows } from '../db/rows';
import { clinics } from '../db/schema';
import { eq } from 'drizzle-orm';
import { readPlans, setAutoExplain, logSize } from './bench/explain';
import { encodeActionBody, findAction, probe, signIn } from './bench/http';
import { measureBrowserViews, type BrowserView } from './bench/browser-views';
import { runLighthouse, type LighthouseScore } from './bench/lighthouse';
import { firstLoadJs } from './bench/first-load';
import { timeFhirExport } from './bench/fhir-export';
import { BENCH_SUBMISSION_PREFIX, benchSubmissionId, measure, type LoadRequest } from './bench/measure';
import { startJobLoad, type JobLoad } from './bench/job-load';
import type { JobPair } from './bench/report';
import { medianByP95 } from './bench/report';
import { startCluster, type Cluster } from './bench/postgres';
import { jobLoadSection, markdown, printTable, statementsMarkdown, writeDocument, type DatabaseRun, type Machine, type RouteResult } from './bench/report';
import { BENCH_ROUTES, type BenchContext, type BenchRole } from './bench/routes';
import { cpuMs, residentMb, sampleMemory, startServer } from './bench/server';
import { analyzeGenerated, benchAccounts, generateClinic, generatedClinicName } from './generate/clinic';
import { generateAppointments } from './generate/appointments';
import { generateMessages } from './generate/messages';
import { formatDuration } from './generate/progress';
import { fail, log } from './lib';

const { values } = parseArgs({
  options: {
    patients: { type: 'string', default: '10000' },
    db: { type: 'string', default: 'postgres,pglite' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '1,10' },
    port: { type: 'string', default: '3170' },
    'pg-port': { type: 'string', default: '5470' },
    // Outside the checkout: the postgres user must be able to reach it, and a clone under /root is not reachable.
    'pg-dir': { type: 'string', default: path.join(os.tmpdir(), 'uplift-bench-postgres') },
    fresh: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    lighthouse: { type: 'boolean', default: false },
    out: { type: 'string', default: 'docs/PERFORMANCE.md' },
    only: { type: 'string' },
    workers: { type: 'string', default: '1' },
    jobs: { type: 'string', default: 'idle' },
    rounds: { type: 'string', default: '3' },
    profile: { type: 'string' },
  },
});
const only = values.only ? new Set(values.only.split(',')) : null;
if (only) {
  const unknown = [...only].filter((key) => !BENCH_ROUTES.some((route) => route.key === key));
  if (unknown.length) fail(`--only: no route ${unknown.join(', ')} (routes: ${BENCH_ROUTES.map((route) => route.key).join(', ')})`);
}

const patients = Number(values.patients);
const seconds = Number(values.duration);
const connectionLevels = values.connections!.split(',').map(Number);
const port = Number(values.port);
const kinds = values.db!.split(',') as ('postgres' | 'pglite')[];
const workerCounts = values.workers!.split(',').map(Number);
if (workerCounts.some((count) => !Number.isInteger(count) || count < 1)) fail('--workers takes whole numbers of at least 1, e.g. 2 or 1,2.');
if (values.jobs !== 'idle' && values.jobs !== 'idle,busy') fail('--jobs takes idle or idle,busy.');
const pairedJobs = values.jobs === 'idle,busy';
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) fail('--rounds must be a whole number of at least 1.');
if (!Number.isInteger(patients) || patients < 10) fail('--patients must be a whole number of at least 10.');
if (kinds.some((kind) => kind !== 'postgres' && kind !== 'pglite')) fail('--db takes postgres, pglite or both.');
const benchDir = path.join(process.cwd(), '.data', 'bench');

function folderMb(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    bytes += entry.isDirectory() ? folderMb(full) * 1024 * 1024 : statSync(full).size;
  }
  return bytes / 1024 / 1024;
}

/** Migrates, generates the clinic unless it is there, and reads the ids the routes need. */
async function prepare(handle: DatabaseHandle): Promise<{ context: BenchContext; generation: DatabaseRun['generation'] }> {
  await handle.migrate();
  const name = generatedClinicName(patients);
  let generation: DatabaseRun['generation'] = { seconds: null, rows: null, sizeMb: null };
  const [existing] = await handle.db.select({ id: clinics.id }).from(clinics).where(eq(clinics.name, name));
  if (!existing) {
    log(`generating ${name} (${handle.kind})…`);
    const summary = await generateClinic(handle.db, { patients });
    await analyzeGenerated(handle.db);
    generation = { seconds: summary.seconds, rows: summary.totalRows, sizeMb: null };
    log(`generated ${summary.totalRows.toLocaleString('en-GB')} rows in ${formatDuration(summary.seconds * 1000)}`);
  } else {
    log(`${name} already generated (${handle.kind}); --fresh regenerates it`);
  }
  await removeBenchWrites(handle);
  const accounts = benchAccounts(patients);
  const [row] = await executeRows<{ patient_id: string; episode_id: string; clinician_id: string }>(
    handle.db,
    sql`select e.patient_id, e.id as episode_id, e.clinician_id
        from episodes e join users p on p.id = e.patient_id
        where p.email = ${accounts.patient} and e.status = 'active' limit 1`,
  );
  if (!row) throw new Error(`the generated patient ${accounts.patient} has no active episode`);
  // A clinic generated before messages existed gets its conversations now (once; kept with the clinic).
  const clinicId = existing?.id ?? (await handle.db.select({ id: clinics.id }).from(clinics).where(eq(clinics.name, name)))[0]!.id;
  const threads = await generateMessages(handle.db, clinicId, row.episode_id);
  if (threads > 0) log(`added ${threads.toLocaleString('en-GB')} message threads`);
  // Today's visits for the day view and the appointments page (once a day; kept with the clinic).
  const visits = await generateAppointments(handle.db, clinicId, row.episode_id);
  if (visits > 0) log(`added ${visits.toLocaleString('en-GB')} visits`);
  const writers = await executeRows<{ email: string }>(
    handle.db,
    sql`select p.email from episodes e join users p on p.id = e.patient_id
        where e.clinician_id = ${row.clinician_id} and e.status = 'active' order by p.email limit 10`,
  );
  return {
    context: { patientId: row.patient_id, episodeId: row.episode_id, clinicianId: row.clinician_id, writerEmails: writers.map((writer) => writer.email) },
    generation,
  };
}

/** Deletes the pain entries (and their safety answers) an earlier run posted; their audit rows stay, as audit rows do. */
async function removeBenchWrites(handle: DatabaseHandle): Promise<void> {
  // The ids share their first 24 characters, so they are one range of the unique index on submission_id.
  // (A LIKE on the id as text read all two million entries, and once ran past the statement timeout on a cold cache.)
  const range = sql`submission_id between ${`${BENCH_SUBMISSION_PREFIX}000000000000`}::uuid and ${`${BENCH_SUBMISSION_PREFIX}ffffffffffff`}::uuid`;
  await handle.db.execute(sql`delete from red_flag_screens where ${range}`);
  const removed = await executeRows<{ n: number }>(handle.db, sql`with gone as (delete from pain_entries where ${range} returning 1) select count(*)::int as n from gone`);
  // Thousands of deleted entries would otherwise sit as dead rows in the writers' index ranges, which the
  // pages of those patients (and the next pain-log run) step over until autovacuum comes by.
  if ((removed[0]?.n ?? 0) > 0) await handle.db.execute(sql`vacuum (analyze) pain_entries, red_flag_screens, episode_summaries`);
}

async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const found = await admin`select 1 from pg_database where datname = ${name}`;
    if (found.length === 0) await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return adminUrl.replace(/\/[^/]*$/, `/${name}`);
}

type BrowserChecks = { lighthouse: LighthouseScore[]; views: BrowserView[] };

async function runOne(kind: 'postgres' | 'pglite', workers: number, first: boolean, browserChecks: BrowserChecks | null): Promise<DatabaseRun> {
  const clusters: Cluster[] = [];
  try {
    return await measureDatabase(kind, workers, first, browserChecks, clusters);
  } finally {
    // Stopped whatever happened, so a failed run leaves no PostgreSQL behind.
    for (const cluster of clusters) cluster.stop();
  }
}

/** `first`: the first run of this bench, which also measures first-load JavaScript and, on PostgreSQL, the statements and plans. */
async function measureDatabase(kind: 'postgres' | 'pglite', workers: number, first: boolean, browserChecks: BrowserChecks | null, clusters: Cluster[]): Promise<DatabaseRun> {
  // The job load is sent from this process, which PGlite's one-process rule does not allow: PostgreSQL only.
  const paired = pairedJobs && kind === 'postgres';
  let cluster: Cluster | null = null;
  let env: Record<string, string>;
  let handle: DatabaseHandle;
  let pgliteDir: string | null = null;
  if (kind === 'postgres') {
    let url = process.env.DATABASE_URL;
    if (!url) {
      cluster = startCluster(path.resolve(values['pg-dir']!), Number(values['pg-port']), { fresh: values.fresh! });
      clusters.push(cluster);
      url = await ensureDatabase(cluster.url, `uplift_bench_${patients}`);
      log(`PostgreSQL cluster in ${values['pg-dir']} on port ${values['pg-port']}`);
    }
    // No statement timeout: the clean-up's VACUUM of pain_entries can take longer than a page may.
    handle = openPostgres(url, { max: 2, statementTimeoutMs: 0 });
    env = { DATABASE_URL: url };
  } else {
    const dataDir = path.join(benchDir, `pglite-${patients}`);
    if (values.fresh) rmSync(dataDir, { recursive: true, force: true });
    pgliteDir = path.join(dataDir, 'pglite');
    handle = openPglite(pgliteDir);
    env = { DATABASE_URL: '', UPLIFT_DATA_DIR: dataDir };
  }

  const run: DatabaseRun = {
    kind,
    label: kind === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)',
    jobs: paired ? { rounds, completed: 0, sent: 0, kinds: 0 } : undefined,
    generation: { seconds: null, rows: null, sizeMb: null },
    routes: [],
    memory: { idleMb: null, peakMb: null, endMb: null, perRoute: {} },
    firstLoad: {},
    load: { start: os.loadavg()[0]!, end: null },
  };
  let context: BenchContext;
  try {
    const prepared = await prepare(handle);
    context = prepared.context;
    run.generation = prepared.generation;
    if (kind === 'postgres') {
      const [size] = await executeRows<{ mb: number }>(handle.db, sql`select (pg_database_size(current_database()) / 1048576.0)::float8 as mb`);
      run.generation.sizeMb = Math.round(size?.mb ?? 0);
    }
  } catch (error) {
    if (kind === 'postgres') await handle.close();
    throw error;
  } finally {
    // PGlite: one process per data folder, so the bench lets go before the server opens it.
    if (kind === 'pglite') await handle.close();
  }
  if (pgliteDir) run.generation.sizeMb = Math.round(folderMb(pgliteDir));
  if (!only) {
    // Before the server starts: on PGlite the export is the one process on the data folder.
    log('timing the whole-clinic FHIR export (npm run fhir:export)…');
    run.fhirExport = timeFhirExport(generatedClinicName(patients), env);
    log('error' in run.fhirExport ? `FHIR export failed: ${run.fhirExport.error}` : `FHIR export: ${run.fhirExport.resources.toLocaleString('en-GB')} resources in ${formatDuration(run.fhirExport.seconds * 1000)}`);
  }

  const statsAvailable = first && cluster !== null && (await enableStatements(handle));
  const nodeArgs: string[] = [];
  if (values.profile) {
    mkdirSync(path.resolve(values.profile), { recursive: true });
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${path.resolve(values.profile)}`);
  }
  run.workers = workers;
  // On PostgreSQL the jobs run in a process of their own, as `npm start` runs them there.
  const server = await startServer(port, env, nodeArgs, workers, kind === 'postgres');
  let jobLoad: JobLoad | null = null;
  try {
    run.memory.idleMb = residentMb(server.pid);
    // Filled by each route's signInAgain below, just before they are used.
    const cookies: Partial<Record<BenchRole, string>> = {};
    const accounts = benchAccounts(patients);
    const writerCookies: string[] = [];
    const memory = sampleMemory(server.pid);
    const requests = new Map<string, LoadRequest>();

    for (const route of BENCH_ROUTES) {
      if (only && !only.has(route.key) && !route.ceiling) continue;
      // A browser stores the cookie the server re-issues (at most once a minute) and sends the new one;
      // autocannon sends the same Cookie header throughout. A session cookie over a minute old is
      // re-encrypted and sent back on every response (proxy.ts): 2-5 ms of server CPU a request on the
      // patient home (docs/PERFORMANCE.md), which no browser would cause. So the route's sessions
      // are signed in afresh before each measurement (warm-up included), which keeps every measured
      // request inside that minute (with --duration under 60).
      const signInAgain = async () => {
        if (!route.as) return;
        cookies[route.as] = await signIn(server.origin, accounts[route.as], accounts.password);
        if (route.action) {
          for (const [index, email] of context.writerEmails.entries()) writerCookies[index] = await signIn(server.origin, email, accounts.password);
        }
      };
      await signInAgain();
      const cookie = route.as ? cookies[route.as]! : null;
      const result: RouteResult = { route, path: null, status: 'measured', runs: [] };
      run.routes.push(result);
      let request: LoadRequest;
      if (route.action) {
        const action = await findAction(route.action.exportedName);
        if (!action) {
          result.status = 'not built yet';
          result.message = `no server action named like ${route.action.exportedName}`;
          continue;
        }
        const page = await probe(server.origin, [action.page], cookie);
        if (page.state !== 'ok') {
          result.status = 'error';
          result.message = `the page of ${action.name} (${action.page}) did not load`;
          continue;
        }
        const { body, contentType } = await encodeActionBody(route.action.initialState, route.action.fields);
        result.path = `${action.page} (${action.name})`;
        request = {
          method: 'POST',
          path: action.page,
          headers: { cookie: cookie!, 'next-action': action.id, accept: 'text/x-component', 'content-type': contentType, origin: server.origin },
          body,
          cookies: writerCookies.length ? writerCookies : undefined,
        };
      } else {
        const found = await probe(server.origin, route.paths(context), cookie, route.contentType);
        if (found.state === 'missing') {
          result.status = 'not built yet';
          result.message = `404 at ${found.tried.join(', ')}`;
          continue;
        }
        if (found.state === 'error') {
          result.status = 'error';
          result.message = found.message;
          continue;
        }
        result.path = found.path;
        request = { method: 'GET', path: found.path, headers: cookie ? { cookie } : {} };
        if (first && route.patientPage) run.firstLoad[route.key] = await firstLoadJs(server.origin, found.html);
      }
      requests.set(route.key, request);
      process.stderr.write(`  ${route.name}: warming up… `);
      await measure(server.origin, request, 2, Math.min(2, seconds));
      const measureOnce = async (connections: number) => {
        await signInAgain();
        if (route.as) request.headers.cookie = cookies[route.as]!;
        const databasePid = cluster?.pid() ?? null;
        const before = { server: cpuMs(server.pid), database: databasePid === null ? null : cpuMs(databasePid) };
        const measurement = await measure(server.origin, request, connections, seconds);
        const after = { server: cpuMs(server.pid), database: databasePid === null ? null : cpuMs(databasePid) };
        const perRequest = (start: number | null, end: number | null) =>
          start === null || end === null || measurement.requests === 0 ? null : (end - start) / measurement.requests;
        measurement.cpuMs = { server: perRequest(before.server, after.server), database: perRequest(before.database, after.database) };
        return measurement;
      };
      for (const connections of connectionLevels) {
        if (!paired) {
          const measurement = await measureOnce(connections);
          result.runs.push(measurement);
          process.stderr.write(`${connections} → ${measurement.perSecond.toFixed(0)} req/s p95 ${measurement.p95.toFixed(1)} ms; `);
          continue;
        }
        const pair: JobPair = { connections, idle: [], busy: [] };
        for (let round = 0; round < rounds; round++) {
          for (const busy of round % 2 === 0 ? [false, true] : [true, false]) {
            if (busy) jobLoad = await startJobLoad(handle);
            const measurement = await measureOnce(connections);
            if (jobLoad) {
              const done = await jobLoad.stop();
              jobLoad = null;
              Object.assign(run.jobs!, { completed: run.jobs!.completed + done.completed, sent: run.jobs!.sent + done.sent, kinds: done.kinds });
            }
            (busy ? pair.busy : pair.idle).push(measurement);
            process.stderr.write(`${connections}${busy ? ' busy' : ' idle'} → p95 ${measurement.p95.toFixed(1)} ms; `);
          }
        }
        result.pairs = [...(result.pairs ?? []), pair];
        // The main table shows the idle round with the median p95.
        result.runs.push(medianByP95(pair.idle));
      }
      process.stderr.write('\n');
      run.memory.perRoute[route.key] = residentMb(server.pid) ?? 0;
    }
    const samples = memory.stop();
    run.memory.peakMb = samples.length ? Math.max(...samples) : null;
    run.memory.endMb = residentMb(server.pid);
    run.load.end = os.loadavg()[0]!;
    if (run.jobs) log(`job runner: ${run.jobs.completed} jobs of ${run.jobs.kinds} scheduled kinds completed in the busy rounds (${run.jobs.sent} queued)`);

    if (statsAvailable) {
      run.topStatements = await topStatements(handle);
      await explainEachRoute(handle, cluster!, server.origin, requests, run);
    }
    if (browserChecks) {
      browserChecks.lighthouse.push(...(await runLighthouse(server.origin, cookies.patient!, run.routes)));
      log('one page view in a real browser, prefetches included…');
      const pages = run.routes
        .filter((result) => result.status === 'measured' && result.path && result.route.as && !result.route.action && result.route.contentType === undefined)
        .map((result) => ({ page: result.path!, cookie: cookies[result.route.as!]!, device: result.route.as === 'patient' ? ('phone' as const) : ('desktop' as const) }));
      browserChecks.views.push(...(await measureBrowserViews(server.origin, server.pid, pages)));
    }
  } finally {
    await jobLoad?.stop().catch(() => undefined);
    await server.stop();
    if (kind === 'postgres') await handle.close();
  }
  return run;
}

async function enableStatements(handle: DatabaseHandle): Promise<boolean> {
  try {
    await handle.db.execute(sql`create extension if not exists pg_stat_statements`);
    await handle.db.execute(sql`select pg_stat_statements_reset()`);
    return true;
  } catch {
    return false;
  }
}

async function topStatements(handle: DatabaseHandle) {
  const rows = await executeRows<{ query: string; calls: number; mean_ms: number; total_ms: number }>(
    handle.db,
    sql`select query, calls::int as calls, mean_exec_time::float8 as mean_ms, total_exec_time::float8 as total_ms
        from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
        order by total_exec_time desc limit 15`,
  );
  return rows.map((row) => ({ query: row.query, calls: row.calls, meanMs: row.mean_ms, totalMs: row.total_ms }));
}

/** One request per route with auto_explain on, so each route's statements come with their plans. */
async function explainEachRoute(handle: DatabaseHandle, cluster: Cluster, origin: string, requests: Map<string, LoadRequest>, run: DatabaseRun) {
  await setAutoExplain(handle.db, true);
  try {
    for (const result of run.routes) {
      const request = requests.get(result.route.key);
      if (!request) continue;
      const offset = logSize(cluster.logFile);
      await fetch(`${origin}${request.path}`, {
        method: request.method,
        headers: request.headers,
        body: request.body?.replaceAll('{uuid}', benchSubmissionId()),
        redirect: 'manual',
      }).then((response) => response.arrayBuffer());
      // The log is written by another process: give it a moment.
      await new Promise((resolve) => setTimeout(resolve, 300));
      result.plans = readPlans(cluster.logFile, offset);
    }
  } finally {
    await setAutoExplain(handle.db, false);
  }
}

function machine(postgresVersion: string | null): Machine {
  const packageVersion = (name: string) => (JSON.parse(readFileSync(path.join('node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.versions.node,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
    postgres: postgresVersion,
    pglite: packageVersion('@electric-sql/pglite'),
    next: packageVersion('next'),
  };
}

async function main() {
  const started = Date.now();
  if (!values['skip-build']) {
    log('building the production bundle (next build)…');
    const build = spawnSync(path.join('node_modules', '.bin', 'next'), ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (build.status !== 0) fail('the production build failed.');
  }
  const runs: DatabaseRun[] = [];
  const browserChecks: BrowserChecks | null = values.lighthouse ? { lighthouse: [], views: [] } : null;
  let postgresVersion: string | null = null;
  // PGlite allows one process per data folder: one server process there, whatever --workers says.
  const plan = kinds.flatMap((kind): { kind: 'postgres' | 'pglite'; workers: number }[] =>
    kind === 'postgres' ? workerCounts.map((workers) => ({ kind, workers })) : [{ kind, workers: 1 }],
  );
  for (const [index, { kind, workers }] of plan.entries()) {
    log(`— ${kind}${kind === 'postgres' && workerCounts.length > 1 ? `, ${workers} server process${workers === 1 ? '' : 'es'}` : ''}${pairedJobs && kind === 'postgres' ? ', job runner idle and busy in turn' : ''} —`);
    const run = await runOne(kind, workers, index === 0, index === 0 ? browserChecks : null);
    if (kind === 'postgres') postgresVersion = spawnSync('postgres', ['--version']).stdout?.toString().trim().replace('postgres (PostgreSQL) ', 'PostgreSQL ') || 'PostgreSQL';
    runs.push(run);
    printTable(run);
  }
  const jobComparison = jobLoadSection(runs);
  if (jobComparison) console.log(jobComparison);
  const generated =
    markdown(machine(postgresVersion), runs, { patients, seconds, connections: connectionLevels }) +
    jobComparison +
    (browserChecks?.lighthouse.length ? lighthouseSection(browserChecks.lighthouse) : '') +
    (browserChecks?.views.length ? browserViewSection(browserChecks.views) : '');
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(path.join('bench-results', `bench-${Date.now()}.json`), JSON.stringify({ runs, lighthouse: browserChecks?.lighthouse ?? null, browserViews: browserChecks?.views ?? null }, null, 2));
  writeFileSync(path.join('bench-results', 'statements.md'), statementsMarkdown(runs));
  if (!values['no-write'] && !only) {
    writeDocument(values.out!, generated);
    log(`wrote ${values.out}`);
  }
  log(`bench finished in ${formatDuration(Date.now() - started)}`);
}

function lighthouseSection(scores: LighthouseScore[]): string {
  const lines = ['', `### Lighthouse`, '', `Lighthouse 12.2.3, mobile emulation, headless Chromium, against the ${kinds[0] === 'postgres' ? 'PostgreSQL' : 'PGlite'} server (patient pages signed in as the generated patient):`, '', '| page | performance | accessibility | LCP ms | TBT ms | CLS |', '|---|---:|---:|---:|---:|---:|'];
  for (const score of scores) lines.push(`| ${score.page} | ${score.performance} | ${score.accessibility} | ${score.lcp} | ${score.tbt} | ${score.cls} |`);
  return `${lines.join('\n')}\n`;
}

function browserViewSection(views: BrowserView[]): string {
  const lines = [
    '',
    '### One page view in a real browser',
    '',
    `Headless Chromium against the ${kinds[0] === 'postgres' ? 'PostgreSQL' : 'PGlite'} server of the first run, with scripts and styles already cached: the server's CPU time for one view, from the navigation until the network has been quiet for a second, and the requests for pages and data the view sent (the page, and what its links prefetched; scripts and styles come from the cache). Median of five views; phone screen for patient pages, desktop for the others.`,
    '',
    '| page | device | server CPU per view (ms) | requests for pages and data | of them prefetches |',
    '|---|---|---:|---:|---:|',
  ];
  for (const view of views) lines.push(`| ${view.page} | ${view.device} | ${view.cpuMs} | ${view.requests} | ${view.prefetches} |`);
  return `${lines.join('\n')}\n`;
}

main().catch((error: unknown) => fail((error as Error).stack ?? String(error)));
