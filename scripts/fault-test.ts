/**
 * `npm run test:faults`: PostgreSQL is stopped hard (`pg_ctl stop -m immediate`, a crash) in the
 * middle of a burst of multi-row writes, then started again. Proves:
 *  - every write that was acknowledged (its transaction committed) is still there afterwards;
 *  - no write is half there (each pain entry has exactly its one audit row, and the audit hash
 *    chain verifies);
 *  - a database fault while a patient writes a pain note and a clinician a SOAP note leaves neither
 *    text, nor the patient's name or date of birth, anywhere in the server's log (SECURITY.md, Logging);
 *  - while the database is down the running app answers /api/health 200, /api/ready 503, refuses
 *    sign-in with a "temporarily unavailable" message, lets nobody into an area, and recovers by
 *    itself (no restart) once the database is back;
 *  - a server process killed while a background job runs loses no job: the next process runs it,
 *    once (scripts/faults/jobs.ts).
 * Database: a throwaway cluster (port FAULT_PG_PORT, default 5462), or FAULT_DATABASE_URL with
 * FAULT_STOP_CMD and FAULT_START_CMD (shell commands) for a server you manage.
 * Run with: tsx --conditions=react-server scripts/fault-test.ts (so DAL modules load outside Next).
 */
import { execSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { openPostgres } from '../db/connection';
import { createCareTeam } from '../db/factories';
import { painEntries } from '../db/schema';
import { verifyAuditChain } from '../lib/audit/chain';
import { recordAudit } from '../lib/audit/record';
import { localDay } from '../lib/time';
import { aJobKilledMidRunRunsOnceAfterRestart } from './faults/jobs';
import { startCluster, type Cluster } from './throwaway-postgres';
import { fetchCsrf } from './auth-http';

const root = process.cwd();
const PORT = Number(process.env.FAULT_PORT ?? 3163);
const BASE = `http://127.0.0.1:${PORT}`;
const WRITERS = 8;
const checks: { name: string; ok: boolean; detail?: string }[] = [];
const check = (name: string, ok: boolean, detail?: string) => {
  checks.push({ name, ok, detail });
  console.log(`  ${ok ? '✓' : '✗'} ${name}${detail ? ` (${detail})` : ''}`);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function status(pathname: string, init: RequestInit = {}): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch(`${BASE}${pathname}`, { redirect: 'manual', ...init, signal: AbortSignal.timeout(20_000) });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { status: 0, text: (error as Error).message };
  }
}

async function signInCookie(email: string, password: string): Promise<string | null> {
  const { csrfToken, csrfCookie } = await fetchCsrf(BASE);
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie ?? '' },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${BASE}/` }),
    redirect: 'manual',
  });
  return response.headers.getSetCookie().find((cookie) => cookie.startsWith('authjs.session-token='))?.split(';')[0] ?? null;
}

/**
 * postgres.js 3.4.9 can throw from a timer when its socket closes mid-write (connection.js
 * nextWrite on a null socket). It is harmless to the pool, which reconnects; this test process
 * must survive it to keep writing. The Next.js server logs uncaught exceptions without exiting
 * (router-server.js), which the recovery checks below confirm.
 */
process.on('uncaughtException', (error) => {
  if (isPostgresSocketRace(error)) return;
  throw error;
});

function isPostgresSocketRace(error: Error): boolean {
  return error instanceof TypeError && /reading 'write'/.test(error.message) && /postgres[/\\]cjs[/\\]src[/\\]connection\.js/.test(error.stack ?? '');
}

async function browserShowsUnavailable(cookie: string): Promise<boolean> {
  const { chromium } = await import('@playwright/test');
  const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
  try {
    const context = await browser.newContext();
    const [name, ...value] = cookie.split('=');
    if (name) await context.addCookies([{ name, value: value.join('='), url: BASE }]);
    const page = await context.newPage();
    await page.goto(`${BASE}/patient`);
    const heading = page.getByRole('heading', { name: /temporarily unavailable/i });
    await heading.waitFor({ timeout: 15_000 });
    return (await page.getByText('Nothing was saved').count()) > 0 && (await page.getByRole('button', { name: 'Sign out' }).count()) === 0;
  } catch {
    return false;
  } finally {
    await browser.close();
  }
}

/** Everything the server wrote to stdout and stderr. */
let serverLog = '';

/**
 * A fault inside the database (a trigger failing every insert of a pain entry or a note, SQLSTATE
 * 53100 "disk full") while a patient saves a pain score with a note and their clinician a SOAP note,
 * each in a real browser. Then the server's log is searched for the texts, the patient's name and
 * their date of birth.
 */
async function faultedWritesLeaveNoHealthDataInLogs(url: string, people: { patient: string; clinician: string; password: string; episodeId: string; patientName: string; dateOfBirth: string }) {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const painNote = `Pain woke me at three after carrying the shopping ${randomBytes(4).toString('hex')}`;
  const soap = `Saddle numbness reported on the left side ${randomBytes(4).toString('hex')}`;
  await admin.unsafe(`create function fault_test_disk_full() returns trigger language plpgsql as $$ begin raise exception 'disk full' using errcode = '53100'; end $$`);
  await admin.unsafe('create trigger fault_test_pain before insert on pain_entries for each row execute function fault_test_disk_full()');
  await admin.unsafe('create trigger fault_test_notes before insert on notes for each row execute function fault_test_disk_full()');
  const { chromium } = await import('@playwright/test');
  const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
  const logBefore = serverLog.length;
  let submitted = 0;
  try {
    for (const who of ['patient', 'clinician'] as const) {
      const cookie = await signInCookie(people[who], people.password);
      const context = await browser.newContext();
      const [name, ...value] = (cookie ?? '=').split('=');
      if (name) await context.addCookies([{ name, value: value.join('='), url: BASE }]);
      const page = await context.newPage();
      if (who === 'patient') {
        await page.goto(`${BASE}/patient`);
        await page.getByRole('link', { name: 'Log pain 7 out of 10' }).click();
        await page.getByRole('checkbox', { name: 'Lower back' }).check();
        await page.getByRole('group', { name: /below the knee/ }).getByRole('radio', { name: 'No' }).check();
        await page.getByLabel('Anything else? (optional)').fill(painNote);
        const groups = page.getByRole('region', { name: 'Safety check' }).getByRole('group');
        for (let index = 0; index < (await groups.count()); index += 1) await groups.nth(index).getByRole('radio', { name: 'No', exact: true }).check();
        await page.getByRole('button', { name: 'Save pain score' }).click();
      } else {
        await page.goto(`${BASE}/clinician/patients/${people.episodeId}/notes`);
        for (const label of ['Subjective', 'Objective', 'Assessment', 'Plan']) await page.getByLabel(label, { exact: true }).first().fill(`${label}: ${soap}`);
        await page.getByRole('button', { name: 'Save note' }).first().click();
      }
      submitted += 1;
      // The action fails in the database; give the server time to log it.
      await page.getByText(/temporarily unavailable|went wrong|could not be saved/i).first().waitFor({ timeout: 15_000 }).catch(() => undefined);
      await context.close();
    }
  } finally {
    await browser.close();
    await admin.unsafe('drop trigger if exists fault_test_pain on pain_entries');
    await admin.unsafe('drop trigger if exists fault_test_notes on notes');
    await admin.unsafe('drop function if exists fault_test_disk_full()');
    await admin.end();
  }
  await sleep(1_000);
  const written = serverLog.slice(logBefore);
  const faultLines = written.split('\n').filter((line) => line.includes('53100'));
  check(
    'both faulted writes were submitted and the fault was logged by SQLSTATE and query name',
    submitted === 2 && faultLines.some((line) => /"sqlstate":"53100"/.test(line) && /"query":"insert into pain_entries"/.test(line)) && faultLines.some((line) => /"query":"insert into notes"/.test(line)),
    `${faultLines.length} log lines name SQLSTATE 53100${faultLines.length ? `, e.g. ${faultLines[0]!.slice(0, 300)}` : ''}`,
  );
  const leaked = [painNote, soap, people.patientName, people.dateOfBirth].filter((secret) => serverLog.includes(secret));
  check('the server log holds neither note, nor the patient’s name or date of birth', leaked.length === 0, leaked.length ? `found ${leaked.length} of 4` : `${serverLog.length} characters searched`);
}

async function main() {
  if (!existsSync(path.join(root, '.next/BUILD_ID'))) {
    if (spawnSync(path.join(root, 'node_modules/.bin/next'), ['build'], { stdio: 'inherit' }).status !== 0) throw new Error('build failed');
  }
  let cluster: Cluster | null = null;
  let url = process.env.FAULT_DATABASE_URL;
  let stopDb: () => void;
  let startDb: () => void;
  if (url) {
    const stopCmd = process.env.FAULT_STOP_CMD;
    const startCmd = process.env.FAULT_START_CMD;
    if (!stopCmd || !startCmd) throw new Error('FAULT_DATABASE_URL needs FAULT_STOP_CMD and FAULT_START_CMD');
    stopDb = () => execSync(stopCmd, { stdio: 'ignore' });
    startDb = () => execSync(startCmd, { stdio: 'ignore' });
  } else {
    cluster = startCluster(Number(process.env.FAULT_PG_PORT ?? 5462));
    url = cluster.url;
    stopDb = () => cluster!.stop('immediate');
    startDb = () => cluster!.start();
  }

  let server: ChildProcess | null = null;
  const handle = openPostgres(url, { max: WRITERS + 2 });
  try {
    await handle.migrate();
    const db = handle.db;
    const team = await createCareTeam(db);
    const password = 'fault test passphrase 2026';
    const { hashPassword } = await import('../lib/auth/password');
    const { users } = await import('../db/schema');
    const dateOfBirth = '1961-04-12';
    await db.update(users).set({ passwordHash: await hashPassword(password), dateOfBirth }).where(eq(users.id, team.patient.id));
    await db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, team.clinician.id));

    server = spawn(path.join(root, 'node_modules/.bin/next'), ['start', '-p', String(PORT), '-H', '127.0.0.1'], {
      env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: `fault-${randomBytes(16).toString('hex')}`, AUTH_TRUST_HOST: 'true', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString('utf8')));
    server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString('utf8')));
    for (let attempt = 0; (await status('/api/health')).status !== 200; attempt += 1) {
      if (attempt > 60) throw new Error('server did not start');
      await sleep(500);
    }
    const cookie = await signInCookie(team.patient.email, password);
    check('signed in before the fault', cookie !== null);
    await faultedWritesLeaveNoHealthDataInLogs(url, {
      patient: team.patient.email,
      clinician: team.clinician.email,
      password,
      episodeId: team.episode.id,
      patientName: team.patient.name,
      dateOfBirth,
    });

    // The burst: each write is a pain entry and its audit row in one transaction.
    const acknowledged: string[] = [];
    let attempted = 0;
    let failed = 0;
    let stopWriting = false;
    const writer = async () => {
      while (!stopWriting) {
        const submissionId = randomUUID();
        attempted += 1;
        try {
          await db.transaction(async (tx) => {
            const now = new Date();
            const [entry] = await tx
              .insert(painEntries)
              .values({ episodeId: team.episode.id, score: attempted % 11, recordedAt: now, localDay: localDay(now, 'Europe/London'), submissionId })
              .returning({ id: painEntries.id });
            await recordAudit(tx, {
              action: 'pain-entry.create',
              outcome: 'success',
              actorId: team.patient.id,
              actorRole: 'patient',
              clinicId: team.clinic.id,
              patientId: team.patient.id,
              resourceType: 'pain_entry',
              resourceId: entry!.id,
            });
          });
          acknowledged.push(submissionId);
        } catch {
          failed += 1;
          await sleep(100);
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, writer);
    await sleep(3_000);
    const beforeCrash = acknowledged.length;
    stopDb();
    console.log(`[faults] PostgreSQL stopped (immediate) after ${beforeCrash} acknowledged writes`);

    await sleep(500);
    check('/api/health answers while the database is down', (await status('/api/health')).status === 200);
    const ready = await status('/api/ready');
    check('/api/ready is 503 while the database is down', ready.status === 503, `got ${ready.status}`);
    const area = await status('/patient', { headers: { Cookie: cookie ?? '' } });
    check('nobody is let into an area while the database is down', area.status !== 200 || !/Sign out/.test(area.text), `got ${area.status}`);
    // The error page is drawn by the browser from the error boundary: look at it in one.
    check('a browser shows "temporarily unavailable, nothing was saved"', await browserShowsUnavailable(cookie ?? ''));
    const signInDown = await signInCookie(team.patient.email, password).catch(() => null);
    check('sign-in is refused while the database is down', signInDown === null);

    startDb();
    console.log('[faults] PostgreSQL started again');
    await sleep(2_000);
    stopWriting = true;
    await Promise.all(writers);

    let recovered = false;
    for (let attempt = 0; attempt < 30 && !recovered; attempt += 1) {
      recovered = (await status('/api/ready')).status === 200;
      if (!recovered) await sleep(500);
    }
    check('/api/ready is 200 again without restarting the app', recovered);
    const after = await signInCookie(team.patient.email, password);
    check('sign-in works again after recovery', after !== null);
    const areaAfter = await status('/patient', { headers: { Cookie: after ?? '' } });
    check('the area opens again after recovery', areaAfter.status === 200);

    // Every acknowledged write survived; nothing is half-written.
    const verifyClient = postgres(url, { max: 1, onnotice: () => {} });
    const stored = new Set((await verifyClient`select submission_id from pain_entries where episode_id = ${team.episode.id}`).map((row) => row.submission_id as string));
    const lost = acknowledged.filter((id) => !stored.has(id));
    check('every acknowledged write survived', lost.length === 0, `${acknowledged.length} acknowledged, ${lost.length} lost`);
    const [orphans] = await verifyClient`
      select
        (select count(*)::int from pain_entries p where p.episode_id = ${team.episode.id}
           and (select count(*) from audit_events a where a.resource_type = 'pain_entry' and a.resource_id = p.id::text) <> 1) as entries_without_one_audit,
        (select count(*)::int from audit_events a where a.resource_type = 'pain_entry' and a.patient_id = ${team.patient.id}
           and not exists (select 1 from pain_entries p where p.id::text = a.resource_id)) as audits_without_entry`;
    check('no half-written writes', orphans!.entries_without_one_audit === 0 && orphans!.audits_without_entry === 0, `entries without exactly one audit row ${orphans!.entries_without_one_audit}, audit rows without an entry ${orphans!.audits_without_entry}`);
    const chain = await verifyAuditChain(db);
    check('audit hash chain intact after the crash', chain.problem === null, `${chain.rows} rows`);
    await verifyClient.end();
    await aJobKilledMidRunRunsOnceAfterRestart(root, url, check);
    console.log(
      `fault-test: writes attempted ${attempted}; acknowledged ${acknowledged.length}; failed while down ${failed}; rows lost ${lost.length}; half-written ${orphans!.entries_without_one_audit + orphans!.audits_without_entry}`,
    );
  } finally {
    server?.kill('SIGTERM');
    await handle.close().catch(() => {});
    cluster?.remove();
  }
  if (checks.some((entry) => !entry.ok)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`fault-test could not run: ${(error as Error).stack ?? error}`);
  process.exit(2);
});
