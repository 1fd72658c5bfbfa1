/**
 * `npm run test:security`: the HTTP adversarial suite (docs/SECURITY.md). Starts the production
 * build on a fresh, seeded PostgreSQL (a throwaway cluster, or DATABASE_URL's server), signs in as
 * each demo role, and calls every server action (found in the build's server-reference manifest,
 * so actions added later are covered without editing this file), every route handler and every
 * page directly over HTTP:
 *  - with no session, tampered / foreign-secret / outdated cookies, a deactivated user, each other
 *    role and another owner of the same role: nothing may change in the database;
 *  - as the owner, with the bad-input classes on every field: never a 5xx, and the inputs that no
 *    field may accept (NUL characters, oversized values, a 2 MB body) are never stored;
 *  - every authenticated response must forbid shared caching.
 * Prints one summary line and exits 1 unless the failure counts are all zero.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import postgres from 'postgres';
import { openPostgres } from '../db/connection';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../db/demo-accounts';
import { seedDemo } from '../db/seed';
import { verifyAuditChain } from '../lib/audit/chain';
import { startCluster, type Cluster } from './throwaway-postgres';
import { fetchCsrf } from './auth-http';
import { MS_PER_DAY } from '../lib/time/days';

const require = createRequire(import.meta.url);
const { encodeReply } = require('next/dist/compiled/react-server-dom-turbopack/client.node.js') as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

const PORT = Number(process.env.SECURITY_PORT ?? 3162);
const PG_PORT = Number(process.env.SECURITY_PG_PORT ?? 5461);
const BASE = `http://127.0.0.1:${PORT}`;
const SECRET = `security-suite-${randomBytes(16).toString('hex')}`;
const COOKIE = 'authjs.session-token';
const root = process.cwd();
const verbose = process.argv.includes('--verbose');
/** `--sign-in-only`: just the sign-in defences (throttle, device cookies, staff links), for quick runs while working on them. */
const signInOnly = process.argv.includes('--sign-in-only');

// ---------------------------------------------------------------- tallies
const tally = { requests: 0, unauthorized: 0, invalidStored: 0, serverErrors: 0, sharedCache: 0, lockedOut: 0 };
const findings: string[] = [];
function finding(kind: keyof typeof tally, message: string) {
  tally[kind] += 1;
  findings.push(`${kind}: ${message}`);
}

// ---------------------------------------------------------------- database
let sqlClient: postgres.Sql;
/** Tables whose rows are expected to grow on refused requests. */
const EXPECTED_TO_CHANGE = new Set(['audit_events', 'auth_throttle', '__drizzle_migrations']);
let tables: string[] = [];

/** One hash over every table the application writes (except the audit trail and throttle). */
async function snapshot(): Promise<string> {
  const parts = await Promise.all(
    tables.map(async (table) => {
      const [row] = await sqlClient.unsafe(`select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from "${table}" t`);
      return `${table}:${row!.n}:${row!.h}`;
    }),
  );
  return parts.join(';');
}

// ---------------------------------------------------------------- HTTP
type Identity = { name: string; cookie: string | null; role: string | null; userId: string | null };

type Sent = { status: number; headers: Headers; text: string };

async function send(method: string, pathname: string, init: { identity?: Identity; headers?: Record<string, string>; body?: BodyInit; label?: string } = {}): Promise<Sent> {
  tally.requests += 1;
  // A fresh client address per request, so the suite's own failures never trip the per-client lock.
  const headers: Record<string, string> = { 'X-Forwarded-For': randomAddress(), ...init.headers };
  if (init.identity?.cookie) headers.Cookie = init.identity.cookie;
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${BASE}${pathname}`, { method, headers, body: init.body, redirect: 'manual' });
    text = await response.text();
  } catch (error) {
    // The server may answer 413 and close the connection while an oversized body is still being
    // sent; the client then sees the socket end instead of the answer. That is a refusal, not a fault.
    if (init.label?.includes(' MB') && error instanceof TypeError) return { status: 413, headers: new Headers(), text: '' };
    console.error(`request failed: ${method} ${pathname}${init.label ? ` [${init.label}]` : ''} as ${init.identity?.name ?? 'anonymous'}`);
    throw error;
  }
  if (response.status >= 500) finding('serverErrors', `${method} ${pathname}${init.label ? ` [${init.label}]` : ''} as ${init.identity?.name ?? 'anonymous'} → ${response.status}`);
  const authenticated = Boolean(init.identity?.cookie);
  if (authenticated) {
    const cacheControl = response.headers.get('cache-control') ?? '';
    if (!/no-store/.test(cacheControl) || /public|s-maxage/.test(cacheControl)) {
      finding('sharedCache', `${method} ${pathname} as ${init.identity?.name}: Cache-Control "${cacheControl}"`);
    }
  }
  return { status: response.status, headers: response.headers, text };
}

function randomAddress(): string {
  const bytes = randomBytes(3);
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}

async function signIn(email: string, password = DEMO_PASSWORD): Promise<string> {
  const { csrfToken, csrfCookie } = await fetchCsrf(BASE);
  if (!csrfCookie) throw new Error('no CSRF cookie');
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie, 'X-Forwarded-For': randomAddress() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${BASE}/` }),
    redirect: 'manual',
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${COOKIE}=`));
  if (!session) throw new Error(`could not sign in as ${email} (status ${response.status} → ${response.headers.get("location")})`);
  return session.split(';')[0]!;
}

// ---------------------------------------------------------------- discovery
type ActionInfo = { id: string; name: string; filename: string; pages: string[] };

function discoverActions(): ActionInfo[] {
  const manifest = JSON.parse(readFileSync(path.join(root, '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    name: entry.exportedName,
    filename: entry.filename,
    pages: Object.keys(entry.workers).map(workerToPath),
  }));
}

/** "app/(auth)/reset/[token]/page" → "/reset/<dummy>". */
function workerToPath(worker: string): string {
  const route = worker
    .replace(/^app/, '')
    .replace(/\/(page|route)$/, '')
    .split('/')
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => (/^\[.*\]$/.test(segment) ? randomUUID() : segment))
    .join('/');
  return `/${route}`;
}

/**
 * Next.js's metadata files (app/icon.svg and the like) are built into routes too, but they are the same
 * static file for everyone, served outside the proxy so browsers can cache them: not route handlers.
 */
const METADATA_FILE_ROUTE = /^\/(icon|apple-icon|favicon|opengraph-image|twitter-image|robots|sitemap|manifest)[^/]*\/route$/;

function discoverRouteHandlers(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(root, '.next/server/app-paths-manifest.json'), 'utf8')) as Record<string, string>;
  return Object.keys(manifest)
    .filter((key) => key.endsWith('/route') && !key.includes('[...nextauth]') && !METADATA_FILE_ROUTE.test(key))
    .map(workerToPath);
}

/** Every page, with random ids; or, given `realIds` (route prefix → id), only the pages under those prefixes, with that id. */
function discoverPages(realIds?: Record<string, string>): string[] {
  const manifest = JSON.parse(readFileSync(path.join(root, '.next/server/app-paths-manifest.json'), 'utf8')) as Record<string, string>;
  const keys = Object.keys(manifest).filter((key) => key.endsWith('/page') && !key.includes('_not-found') && !key.includes('_global-error'));
  if (!realIds) return keys.map(workerToPath);
  return keys.flatMap((key) => {
    const prefix = Object.keys(realIds).find((candidate) => key.startsWith(candidate));
    return prefix ? [workerToPath(key).replace(/^(\/[^/]+\/[^/]+\/)[^/]+/, `$1${realIds[prefix]}`)] : [];
  });
}

/** The area an action or page belongs to, from its file path: only that role may use it. */
function areaOf(filename: string): 'patient' | 'clinician' | 'manager' | null {
  const match = /(?:^|\/)(patient|clinician|manager)(?:\/|$)/.exec(filename.replace(/^app\//, '/'));
  return (match?.[1] as 'patient' | 'clinician' | 'manager' | undefined) ?? null;
}

type FormFields = Map<string, string>;

/** Actions seen in a plain form (`<form action={action}>`): React calls them with the form data alone. */
const plainActions = new Set<string>();
/** Each action's number fields: number inputs, numeric keyboards and radio groups of numbers. */
const numericFields = new Map<string, Set<string>>();

/** Field names and the values the server rendered into each action's form, as its owner sees it. */
function formsFromHtml(html: string): Map<string, FormFields> {
  const forms = new Map<string, FormFields>();
  const decode = (value: string) => value.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const [, formHtml] of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)) {
    let actionId: string | null = null;
    const fields: FormFields = new Map();
    const numeric = new Set<string>();
    for (const [tag] of formHtml!.matchAll(/<(input|textarea|select)\b[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(tag)?.[1];
      if (!name) continue;
      const type = /\btype="([^"]*)"/.exec(tag)?.[1];
      // A ticked checkbox or radio sends its value ("on" by default): send it, so the form is one that could change something.
      const fallback = type === 'checkbox' || type === 'radio' ? 'on' : '';
      const value = decode(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? fallback);
      const decodedName = decode(name);
      if (type === 'number' || /\binputmode="(numeric|decimal)"/i.test(tag) || (type === 'radio' && /^\d+$/.test(value))) numeric.add(decodedName);
      if (decodedName.startsWith('$ACTION_ID_')) {
        actionId = decodedName.slice('$ACTION_ID_'.length);
        plainActions.add(actionId);
      }
      else if (/^\$ACTION_\d+:0$/.test(decodedName)) actionId = (JSON.parse(value) as { id: string }).id;
      else if (!decodedName.startsWith('$ACTION')) fields.set(decodedName, value);
    }
    if (actionId) {
      forms.set(actionId, fields);
      if (numeric.size > 0) numericFields.set(actionId, new Set([...(numericFields.get(actionId) ?? []), ...numeric]));
    }
  }
  return forms;
}

// ---------------------------------------------------------------- calling actions
async function callAction(action: ActionInfo, page: string, identity: Identity, fields: Map<string, string | Blob>, options: { origin?: string; label?: string } = {}) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  // Actions are called as (previousState, formData) by useActionState and as (formData) by a plain form.
  const body = await encodeReply(plainActions.has(action.id) ? [form] : [{ ok: true }, form]);
  return send('POST', page, {
    identity,
    label: `${action.name}${options.label ? `: ${options.label}` : ''}`,
    headers: { 'Next-Action': action.id, Origin: options.origin ?? BASE, Accept: 'text/x-component' },
    body: body as BodyInit,
  });
}

const PLAUSIBLE: Record<string, string> = { email: 'fuzz-nobody@demo.test', password: 'a long enough passphrase', score: '5', note: 'Felt fine' };

function plausibleFields(known: FormFields | undefined): Map<string, string> {
  const fields = new Map<string, string>();
  if (known) for (const [name, value] of known) fields.set(name, value || PLAUSIBLE[name] || '5');
  return fields;
}

/**
 * Values no field of Uplift may store, sent into every field in turn. Each carries a marker; the
 * suite then searches every table for it, so only the bad value itself counts as stored.
 */
const MARKER = `zzmark${randomBytes(6).toString('hex')}`;
const NEVER_VALID: Record<string, string> = {
  'NUL character': `${MARKER}\u0000def`,
  '20 000 characters': `${MARKER}${'x'.repeat(20_000)}`,
};

async function markerStored(): Promise<boolean> {
  for (const table of tables) {
    const [row] = await sqlClient.unsafe(`select exists(select 1 from "${table}" t where strpos(t::text, $1) > 0) as found`, [MARKER]);
    if (row!.found) return true;
  }
  return false;
}

/** A hash of the rows that mention any of `ids` (another person's records), table by table. */
async function scopedSnapshot(ids: string[]): Promise<string> {
  const parts = await Promise.all(
    tables.map(async (table) => {
      const [row] = await sqlClient.unsafe(
        `select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from "${table}" t where ${ids.map((_, index) => `strpos(t::text, $${index + 1}) > 0`).join(' or ')}`,
        ids,
      );
      return `${table}:${row!.n}:${row!.h}`;
    }),
  );
  return parts.join(';');
}
/** Other bad-input classes: rejected or stored harmlessly, but never a 5xx. */
const BAD_INPUTS: Record<string, string> = {
  eleven: '11',
  negative: '-1',
  fraction: '10.5',
  letters: 'abc',
  empty: '',
  'padded number': ' 5 ',
  'full-width digits': '５',
  exponent: '1e1',
  hex: '0x5',
  NaN: 'NaN',
  Infinity: 'Infinity',
  'huge integer': '99999999999999999999999',
  'impossible date': '2026-02-30',
  'far-future date': '9999-12-31',
  markup: '<script>alert(1)</script><img src=x onerror=alert(1)>',
  sql: "'; drop table users; --",
  'rtl override': '\u202Eevil',
  'zero-width': 'a\u200Bb',
  combining: 'e\u0301\u0301\u0301',
  emoji: '🙂🙃',
  '1001 characters': 'y'.repeat(1001),
  'not a uuid': 'not-a-uuid',
  uuid: randomUUID(),
};

/** Refused in every number field (docs/SECURITY.md, Input): read as typed, never coerced. */
const STRICT_NUMBER_REFUSALS = ['1e1', '0x5', ' 5 '];

let chainReport = 'not checked';
let timingReport = 'not measured';

/**
 * Unknown email versus known email with a wrong password: the medians should be close (both
 * verify an argon2 hash). Known accounts that no identity above uses, so locks do not matter.
 */
async function measureSignInTiming() {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const csrf = await fetchCsrf(BASE);
  const csrfToken = csrf.csrfToken;
  const csrfCookie = csrf.csrfCookie!;
  const attempt = async (email: string) => {
    const began = performance.now();
    const response = await send('POST', '/api/auth/callback/credentials', {
      body: new URLSearchParams({ csrfToken, email, password: 'definitely not the password', callbackUrl: `${BASE}/` }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie },
    });
    const location = response.headers.get('location') ?? '';
    if (!location.includes('error=CredentialsSignin')) finding('unauthorized', `timing probe for ${email} answered ${response.status} ${location}`);
    return { ms: performance.now() - began, answer: `${response.status} ${location.replace(/code=[^&]*/, '')}` };
  };
  const known = ['amina.okafor@demo.test', 'george.whitfield@demo.test', 'priya.shah@demo.test', 'tom.brennan@demo.test'];
  const unknownTimes: number[] = [];
  const knownTimes: number[] = [];
  const answers = new Set<string>();
  for (let round = 0; round < 24; round += 1) {
    const unknown = await attempt(`nobody-${round}@demo.test`);
    const knownAttempt = await attempt(known[round % known.length]!);
    unknownTimes.push(unknown.ms);
    knownTimes.push(knownAttempt.ms);
    answers.add(unknown.answer).add(knownAttempt.answer);
  }
  // Status and redirect must be identical, so the answer cannot tell the two apart.
  if (answers.size !== 1) finding('unauthorized', `sign-in answers differ between unknown and known emails: ${[...answers].join(' / ')}`);
  timingReport = `unknown email ${median(unknownTimes).toFixed(0)} ms, known email ${median(knownTimes).toFixed(0)} ms (24 each)`;
}

// ---------------------------------------------------------------- main
async function main() {
  const started = Date.now();
  if (!existsSync(path.join(root, '.next/BUILD_ID'))) {
    console.log('[security] building…');
    if (spawnSync(path.join(root, 'node_modules/.bin/next'), ['build'], { stdio: 'inherit' }).status !== 0) throw new Error('build failed');
  }

  let cluster: Cluster | null = null;
  let url = process.env.DATABASE_URL;
  let dropDatabase: (() => Promise<void>) | null = null;
  if (!url) {
    cluster = startCluster(PG_PORT);
    url = cluster.url;
  } else {
    const name = `uplift_security_${randomBytes(5).toString('hex')}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const own = new URL(url);
    own.pathname = `/${name}`;
    const serverUrl = url;
    url = own.toString();
    dropDatabase = async () => {
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    };
  }

  let server: ChildProcess | null = null;
  try {
    const handle = openPostgres(url, { max: 2 });
    await handle.migrate();
    await seedDemo(handle.db);
    await handle.close();
    sqlClient = postgres(url, { max: 4, onnotice: () => {} });
    tables = (await sqlClient`select tablename from pg_tables where schemaname = 'public'`).map((row) => row.tablename as string).filter((table) => !EXPECTED_TO_CHANGE.has(table));

    server = spawn(path.join(root, 'node_modules/.bin/next'), ['start', '-p', String(PORT), '-H', '127.0.0.1'], {
      // No job runner: its scheduled work (deliveries every minute, alert rules) changes tables between a
      // request's before and after snapshots, which would read as the request having changed data.
      env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: SECRET, AUTH_TRUST_HOST: 'true', NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', UPLIFT_JOBS: 'off' },
      stdio: ['ignore', 'ignore', verbose ? 'inherit' : 'ignore'],
    });
    for (let attempt = 0; ; attempt += 1) {
      try {
        if ((await fetch(`${BASE}/api/health`)).ok) break;
      } catch {
        // not up yet
      }
      if (attempt > 60) throw new Error('server did not start');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    if (!signInOnly) await run();
    await checkSignInDefences();
    if (!signInOnly) await measureSignInTiming();
    const verifier = openPostgres(url, { max: 1 });
    const chain = await verifyAuditChain(verifier.db);
    await verifier.close();
    chainReport = chain.problem ? `broken at row ${chain.firstBadId}` : `intact over ${chain.rows} rows`;
    if (chain.problem) finding('unauthorized', `audit chain ${chainReport}`);
  } finally {
    server?.kill('SIGTERM');
    await sqlClient?.end({ timeout: 2 });
    await dropDatabase?.();
    cluster?.remove();
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`[security] audit hash chain ${chainReport}; sign-in median time: ${timingReport}`);
  console.log(`[security] sign-in defences: ${defenceReport.join('; ')}`);
  for (const line of findings.slice(0, 60)) console.log(`  ✗ ${line}`);
  if (findings.length > 60) {
    console.log(`  … and ${findings.length - 60} more. By action or route:`);
    const byTarget = new Map<string, number>();
    for (const line of findings) {
      const target = /\[([^:\]]+)/.exec(line)?.[1] ?? line.split(' ').slice(1, 3).join(' ');
      byTarget.set(target, (byTarget.get(target) ?? 0) + 1);
    }
    for (const [target, count] of byTarget) console.log(`    ${count} × ${target}`);
  }
  console.log(
    `security-suite: requests tried ${tally.requests}; unauthorized accesses allowed ${tally.unauthorized}; invalid inputs stored ${tally.invalidStored}; 5xx responses ${tally.serverErrors}; authenticated responses with shared-cache headers ${tally.sharedCache}; people locked out ${tally.lockedOut} (${seconds} s)`,
  );
  if (tally.unauthorized + tally.invalidStored + tally.serverErrors + tally.sharedCache + tally.lockedOut > 0) process.exitCode = 1;
}

async function userId(email: string): Promise<string> {
  const [row] = await sqlClient`select id from users where email = ${email}`;
  return row!.id as string;
}

/** A person's user id and the ids of the episodes they are the patient or clinician of. */
async function ownedIds(personId: string): Promise<string[]> {
  const episodes = await sqlClient`select id from episodes where patient_id = ${personId} or clinician_id = ${personId}`;
  return [personId, ...episodes.map((row) => row.id as string)];
}

type Surface = {
  /** Route prefix → a record id the owner of that area really has (for pages under `[id]`). */
  episodeOf: Record<string, string>;
  /** Per identity name: an upcoming visit and one that has started (so attendance can be recorded). */
  visits: Record<string, { upcoming: string; started: string }>;
  /** The secret of `patient`'s live calendar address. */
  liveFeed: string;
};

/**
 * The demo clinic has no visits, availability or notifications: without them the appointment, attendance,
 * booking and notification forms render without the hidden ids their actions need, and the suite would
 * only ever call those actions with guessed fields. Gives `patient` and `patient2` (each with their own
 * clinician) an upcoming visit and one that began an hour ago, their clinicians weekly hours, and every
 * identity an unread notification.
 */
async function seedNewSurface(identities: Record<string, Identity>): Promise<Surface> {
  const visits: Surface['visits'] = {};
  const episodeOf: Record<string, string> = {};
  for (const name of ['patient', 'patient2']) {
    const [episode] = await sqlClient<{ id: string; clinic_id: string; clinician_id: string }[]>`
      select e.id, u.clinic_id, e.clinician_id from episodes e join users u on u.id = e.patient_id
      where e.patient_id = ${identities[name]!.userId!} and e.status = 'active' order by e.created_at desc limit 1`;
    if (!episode) throw new Error(`${name} has no active episode in the demo clinic`);
    const insertVisit = async (startsAt: Date) => {
      const [row] = await sqlClient<{ id: string }[]>`
        insert into appointments (clinic_id, episode_id, patient_id, clinician_id, kind, starts_at, ends_at, location, booked_by)
        values (${episode.clinic_id}, ${episode.id}, ${identities[name]!.userId!}, ${episode.clinician_id}, 'in-person', ${startsAt}, ${new Date(startsAt.getTime() + 45 * 60_000)}, 'Room 2', ${episode.clinician_id})
        returning id`;
      return row!.id;
    };
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    visits[name] = { upcoming: await insertVisit(new Date(hour + 7 * MS_PER_DAY)), started: await insertVisit(new Date(hour - 3_600_000)) };
    for (let weekday = 1; weekday <= 7; weekday += 1) {
      await sqlClient`insert into clinician_availability (clinic_id, clinician_id, weekday, start_time, end_time) values (${episode.clinic_id}, ${episode.clinician_id}, ${weekday}, '08:00', '18:00')`;
    }
    await sqlClient`insert into availability_exceptions (clinic_id, clinician_id, day, kind) values (${episode.clinic_id}, ${episode.clinician_id}, ${new Date(hour + 14 * MS_PER_DAY).toISOString().slice(0, 10)}, 'unavailable')`;
    if (episode.clinician_id === identities.clinician!.userId) episodeOf['/clinician/patients/[id]'] = episode.id;
  }
  for (const identity of Object.values(identities)) {
    await sqlClient`
      insert into notifications (user_id, clinic_id, kind, title, href, dedupe_key)
      select id, clinic_id, 'message', 'You have a new message', ${`/${identity.role}`}, ${`security-suite-${randomUUID()}`} from users where id = ${identity.userId!}`;
  }
  if (!episodeOf['/clinician/patients/[id]']) throw new Error('patient@demo.test is not in clinician@demo.test’s care in the demo clinic');
  // A live calendar address, so the page offers to turn it off (and checkTokenRoutes has one to read).
  const liveFeed = feedSecret();
  await sqlClient`insert into calendar_feed_tokens (user_id, token_hash) values (${identities.patient!.userId!}, ${sha256(liveFeed)})`;
  return { episodeOf, visits, liveFeed };
}

/** A calendar-feed secret as the app makes them (32 random bytes, base64url: 43 characters). */
const feedSecret = () => randomBytes(32).toString('base64url');
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Route handlers whose credential is a token in the address, and the push-subscription route, which the
 * generic loop only reaches with a form body: called here with real-shaped tokens and JSON.
 * - calendar feed: a revoked address, a clinician's, a deactivated patient's, an altered and a random one
 *   answer 404 with no calendar, whoever asks; the live one answers with only its owner's visits. A visit's
 *   calendar file is its patient's only.
 * - one-click unsubscribe: forged tokens (altered signature, another person's id or another kind under a valid
 *   signature, another key) change nothing and answer 404; GET never changes anything; the real token turns
 *   off exactly that person's one kind of email.
 * - push subscription: nobody without a valid session, and no page of another site, subscribes anything; one
 *   patient cannot stop another's device; bad JSON never gives a 5xx nor stores the marker.
 */
async function checkTokenRoutes(identities: Record<string, Identity>, outsiders: Identity[], surface: Surface) {
  const patient = identities.patient!;
  const patient2 = identities.patient2!;
  const notes: string[] = [];

  // -------- calendar feed
  {
    const [disabledPatient] = await sqlClient<{ id: string }[]>`select id from users where email = 'ivan.petrov@demo.test'`;
    const live = surface.liveFeed;
    const refused: Record<string, string> = {
      'a revoked address': feedSecret(),
      'a clinician’s address': feedSecret(),
      'a deactivated patient’s address': feedSecret(),
      'an altered address': `${live.slice(0, -3)}${live.endsWith('AAA') ? 'BBB' : 'AAA'}`,
      'an unknown address': feedSecret(),
    };
    await sqlClient`insert into calendar_feed_tokens (user_id, token_hash, revoked_at) values (${patient.userId!}, ${sha256(refused['a revoked address']!)}, now())`;
    await sqlClient`insert into calendar_feed_tokens (user_id, token_hash) values (${identities.clinician!.userId!}, ${sha256(refused['a clinician’s address']!)})`;
    await sqlClient`insert into calendar_feed_tokens (user_id, token_hash) values (${disabledPatient!.id}, ${sha256(refused['a deactivated patient’s address']!)})`;
    for (const [label, secret] of Object.entries(refused)) {
      for (const identity of [outsiders[0]!, patient, patient2]) {
        const response = await send('GET', `/api/calendar/${secret}.ics`, { identity, label: `calendar feed, ${label}` });
        if (response.status !== 404 || response.text.includes('BEGIN:VCALENDAR')) finding('unauthorized', `GET /api/calendar/<${label}> as ${identity.name} → ${response.status}`);
      }
    }
    const own = await send('GET', `/api/calendar/${live}.ics`, { label: 'calendar feed, live address' });
    if (own.status !== 200 || !own.text.includes('BEGIN:VCALENDAR')) notes.push(`the live calendar address answered ${own.status}, so the feed’s contents were not checked`);
    if (own.text.includes(surface.visits.patient2!.upcoming) || own.text.includes(surface.visits.patient2!.started)) finding('unauthorized', 'a patient’s calendar feed listed another patient’s visit');
    if (!/no-store/.test(own.headers.get('cache-control') ?? '') || /public|s-maxage/.test(own.headers.get('cache-control') ?? '')) {
      finding('sharedCache', `GET /api/calendar/<live address>: Cache-Control "${own.headers.get('cache-control') ?? ''}"`);
    }
    for (const identity of [...outsiders, patient, identities.clinician!, identities.manager!]) {
      const response = await send('GET', `/patient/appointments/${surface.visits.patient2!.upcoming}/calendar`, { identity, label: 'another patient’s visit calendar file' });
      if (response.status === 200) finding('unauthorized', `GET another patient’s visit calendar file as ${identity.name} → 200`);
    }
    const ownVisit = await send('GET', `/patient/appointments/${surface.visits.patient2!.upcoming}/calendar`, { identity: patient2, label: 'own visit calendar file' });
    if (ownVisit.status !== 200) notes.push(`a patient’s own visit calendar file answered ${ownVisit.status}`);
  }

  // -------- one-click unsubscribe
  {
    process.env.AUTH_SECRET = SECRET;
    const { unsubscribeToken } = await import('../lib/reminders/unsubscribe-token');
    const valid = unsubscribeToken(patient.userId!, 'exercise');
    const signature = valid.split('.')[3]!;
    const alien = createHmac('sha256', randomBytes(32)).update(`u1.${patient.userId}.exercise`).digest('base64url');
    const forged: Record<string, string> = {
      'an altered signature': `${valid.slice(0, -2)}${valid.endsWith('AA') ? 'BB' : 'AA'}`,
      'another person’s id': `u1.${patient2.userId}.x.${signature}`,
      'another kind': `u1.${patient.userId}.q.${signature}`,
      'another key': `u1.${patient.userId}.x.${alien}`,
      'a malformed token': 'not-a-token',
      'a NUL character': `u1.${patient.userId}.x.%00${signature}`,
      '20 000 characters': `u1.${patient.userId}.x.${'A'.repeat(20_000)}`,
    };
    const oneClick = { 'Content-Type': 'application/x-www-form-urlencoded' };
    // Every reminder email on for both patients (the defaults leave some off), so a forged token that worked would show.
    const hadRows = await sqlClient<{ user_id: string }[]>`select user_id from reminder_preferences where user_id in ${sqlClient([patient.userId!, patient2.userId!])}`;
    for (const person of [patient, patient2]) {
      await sqlClient`
        insert into reminder_preferences (user_id, exercise_in_app, exercise_email, exercise_push, questionnaire_in_app, questionnaire_email, questionnaire_push, nudge_in_app, nudge_email, nudge_push)
        values (${person.userId!}, true, true, true, true, true, true, true, true, true)
        on conflict (user_id) do update set exercise_email = true, questionnaire_email = true, nudge_email = true`;
    }
    for (const [label, token] of Object.entries(forged)) {
      const before = await snapshot();
      const response = await send('POST', `/unsubscribe/${token}`, { headers: oneClick, body: 'List-Unsubscribe=One-Click', label: `unsubscribe, ${label}` });
      if (response.status < 400) finding('unauthorized', `POST /unsubscribe/<${label}> → ${response.status}`);
      if ((await snapshot()) !== before) finding('unauthorized', `POST /unsubscribe/<${label}> changed data`);
    }
    {
      const before = await snapshot();
      await send('GET', `/unsubscribe/${valid}`, { label: 'unsubscribe page' });
      if ((await snapshot()) !== before) finding('unauthorized', 'GET /unsubscribe/<valid token> changed data (mail scanners follow links)');
    }
    const othersBefore = await scopedSnapshot([patient2.userId!]);
    const done = await send('POST', `/unsubscribe/${valid}`, { headers: oneClick, body: 'List-Unsubscribe=One-Click', label: 'unsubscribe, valid token' });
    const [after] = await sqlClient<{ exercise_email: boolean; questionnaire_email: boolean; nudge_email: boolean }[]>`
      select exercise_email, questionnaire_email, nudge_email from reminder_preferences where user_id = ${patient.userId!}`;
    if (done.status !== 200 || !after || after.exercise_email) notes.push(`the valid unsubscribe token answered ${done.status} and did not turn exercise emails off`);
    if (after && !(after.questionnaire_email && after.nudge_email)) finding('unauthorized', 'an exercise-reminder unsubscribe token turned off another kind of email');
    if ((await scopedSnapshot([patient2.userId!])) !== othersBefore) finding('unauthorized', 'a valid unsubscribe token changed another person’s records');
    const keep = hadRows.map((row) => row.user_id);
    for (const person of [patient, patient2]) if (!keep.includes(person.userId!)) await sqlClient`delete from reminder_preferences where user_id = ${person.userId!}`;
  }

  // -------- push subscription
  {
    const subscription = (endpoint = `https://push.example/${randomUUID()}`) => ({
      endpoint,
      keys: { p256dh: Buffer.concat([Buffer.from([4]), randomBytes(64)]).toString('base64url'), auth: randomBytes(16).toString('base64url') },
    });
    const json = { 'Content-Type': 'application/json', Origin: BASE };
    const route = '/api/push/subscription';
    for (const identity of [...outsiders, patient]) {
      for (const [label, headers] of [['own page', json], ['another site', { ...json, Origin: 'https://evil.example' }], ['no Origin', { 'Content-Type': 'application/json' }]] as const) {
        if (identity === patient && label === 'own page') continue;
        const before = await snapshot();
        const response = await send('POST', route, { identity, headers, body: JSON.stringify(subscription()), label: `push subscribe from ${label}` });
        if (response.status < 400) finding('unauthorized', `POST ${route} from ${label} as ${identity.name} → ${response.status}`);
        if ((await snapshot()) !== before) finding('unauthorized', `POST ${route} from ${label} as ${identity.name} changed data`);
      }
    }
    const mine = subscription();
    const subscribed = await send('POST', route, { identity: patient, headers: json, body: JSON.stringify(mine), label: 'push subscribe' });
    if (subscribed.status !== 201) notes.push(`a patient’s own push subscription answered ${subscribed.status}`);
    for (const identity of [...outsiders, patient2, identities.clinician!]) {
      const before = await scopedSnapshot([patient.userId!]);
      await send('DELETE', route, { identity, headers: json, body: JSON.stringify({ endpoint: mine.endpoint }), label: 'stop another person’s device' });
      if ((await scopedSnapshot([patient.userId!])) !== before) finding('unauthorized', `DELETE ${route} as ${identity.name} stopped another person’s device`);
    }
    const bodies: Record<string, string> = { 'not JSON': '{', 'an array': '[]', 'null': 'null', 'a number': '5', 'a 2 MB body': JSON.stringify({ endpoint: MARKER + 'z'.repeat(2 * 1024 * 1024) }) };
    for (const field of ['endpoint', 'p256dh', 'auth']) {
      for (const [label, value] of Object.entries({ ...NEVER_VALID, ...BAD_INPUTS })) {
        const body = subscription(field === 'endpoint' ? value : undefined);
        if (field !== 'endpoint') body.keys[field as 'p256dh' | 'auth'] = value;
        bodies[`${label} in ${field}`] = JSON.stringify(body);
      }
    }
    bodies['extra fields'] = JSON.stringify({ ...subscription(), userId: patient2.userId, role: MARKER });
    bodies['https endpoint with the marker and a NUL'] = JSON.stringify(subscription(`https://push.example/${MARKER}\u0000`));
    for (const [label, body] of Object.entries(bodies)) await send('POST', route, { identity: patient, headers: json, body, label: `push subscribe: ${label}` });
    for (const [label, value] of Object.entries({ ...NEVER_VALID, ...BAD_INPUTS, 'https endpoint with a NUL': `https://push.example/${MARKER}\u0000` })) {
      await send('DELETE', route, { identity: patient, headers: json, body: JSON.stringify({ endpoint: value }), label: `push unsubscribe: ${label}` });
    }
    if (await markerStored()) finding('invalidStored', `${route}: a bad subscription was stored`);
    await send('DELETE', route, { identity: patient, headers: json, body: JSON.stringify({ endpoint: mine.endpoint }), label: 'push unsubscribe' });
  }
  console.log(`[security] calendar feed, visit calendar files, one-click unsubscribe and push subscription checked with real-shaped tokens${notes.length ? `; NOTE: ${notes.join('; ')}` : ''}`);
}

async function run() {
  // -------- identities
  const identities: Record<string, Identity> = {};
  const refreshIdentities = async () => {
    for (const [name, email] of Object.entries(DEMO_ACCOUNTS)) {
      identities[name] = { name, cookie: await signIn(email), role: name.replace(/2$/, ''), userId: await userId(email) };
    }
  };
  await refreshIdentities();
  const anonymous: Identity = { name: 'no session', cookie: null, role: null, userId: null };
  const patientCookieValue = identities.patient!.cookie!.split('=').slice(1).join('=');
  const tampered: Identity = {
    name: 'tampered cookie',
    cookie: `${COOKIE}=${patientCookieValue.slice(0, -6)}${patientCookieValue.slice(-6).split('').reverse().join('')}`,
    role: null,
    userId: null,
  };
  const foreignToken = await encode({
    token: { sub: identities.manager!.userId!, role: 'manager', sv: 1, sia: Date.now() },
    secret: 'a-secret-that-is-not-the-servers-0123456789',
    salt: COOKIE,
  });
  const foreign: Identity = { name: 'foreign-secret cookie', cookie: `${COOKIE}=${foreignToken}`, role: null, userId: null };
  // A cookie from before a sign-out elsewhere (session version bumped) and from a deactivated user.
  const stale: Identity = { name: 'cookie after sign-out', cookie: await signIn('hannah.lewis@demo.test'), role: null, userId: null };
  await sqlClient`update users set session_version = session_version + 1 where email = 'hannah.lewis@demo.test'`;
  const disabled: Identity = { name: 'deactivated user', cookie: await signIn('ivan.petrov@demo.test'), role: null, userId: null };
  await sqlClient`update users set active = false where email = 'ivan.petrov@demo.test'`;
  const outsiders = [anonymous, tampered, foreign, stale, disabled];
  const surface = await seedNewSurface(identities);

  // -------- pages: who may open what, and caching
  // Pages under a record id are also opened with a record the owner really has, so their forms (messages,
  // visits, notes…) and the hidden ids in them are learned and replayed like every other form.
  const pages = [...discoverPages(), ...discoverPages(surface.episodeOf)];
  const formsByRole = new Map<string, Map<string, FormFields>>();
  for (const pagePath of pages) {
    const area = areaOf(pagePath);
    for (const identity of [...outsiders, ...Object.values(identities)]) {
      const response = await send('GET', pagePath, { identity });
      if (area && response.status === 200 && identity.role !== area) {
        finding('unauthorized', `GET ${pagePath} as ${identity.name} → 200`);
      }
      if (response.status === 200 && identity.cookie) {
        const forms = formsFromHtml(response.text);
        const byRole = formsByRole.get(identity.name) ?? new Map<string, FormFields>();
        for (const [id, fields] of forms) if (!byRole.has(id)) byRole.set(id, fields);
        formsByRole.set(identity.name, byRole);
      }
    }
  }
  {
    const realPages = discoverPages(surface.episodeOf);
    const opened = await Promise.all(realPages.map(async (pagePath) => `${pagePath.split('/').slice(4).join('/') || 'record'} ${(await send('GET', pagePath, { identity: identities.clinician! })).status}`));
    console.log(`[security] clinician record pages opened with an episode of their own: ${opened.join(', ')}`);
  }
  const anonymousLogin = formsFromHtml((await send('GET', '/login')).text);
  formsByRole.set('no session', anonymousLogin);

  // -------- route handlers
  for (const route of discoverRouteHandlers()) {
    const area = areaOf(route);
    for (const identity of [...outsiders, ...Object.values(identities)]) {
      for (const method of ['GET', 'POST']) {
        const before = method === 'POST' ? await snapshot() : null;
        const response = await send(method, route, { identity, body: method === 'POST' ? 'x=1' : undefined, headers: { Origin: BASE } });
        if (area && response.status >= 200 && response.status < 300 && identity.role !== area) {
          finding('unauthorized', `${method} ${route} as ${identity.name} → ${response.status}`);
        }
        if (before !== null && (await snapshot()) !== before) finding('unauthorized', `${method} ${route} as ${identity.name} changed data`);
      }
    }
    // Spoofed internal header (CVE-2025-29927) must not skip anything.
    const spoofed = await send('GET', route, { headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' } });
    if (area && spoofed.status === 200) finding('unauthorized', `GET ${route} with x-middleware-subrequest → 200`);
  }
  for (const area of ['/patient', '/clinician', '/manager']) {
    const spoofed = await send('GET', area, { headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy', 'x-forwarded-host': 'evil.example' } });
    if (spoofed.status === 200) finding('unauthorized', `GET ${area} with spoofed headers → 200`);
  }

  await checkTokenRoutes(identities, outsiders, surface);

  // -------- pseudonymity in the audit trail: with the clinic's default policy (pseudonyms only), the
  // page, its filter and its CSV never show or match a patient's name or email.
  {
    await sqlClient`update clinics set managers_see_patient_identity = false`;
    const [patientRow] = await sqlClient<{ name: string; email: string }[]>`select name, email from users where email = ${DEMO_ACCOUNTS.patient}`;
    const secrets = [patientRow!.name, patientRow!.email];
    for (const query of ['', ...secrets.map((secret) => `?person=${encodeURIComponent(secret)}`)]) {
      // The page echoes the search into its search box, so only the unfiltered page is searched for names.
      for (const pathname of query ? [`/manager/audit/export${query}`] : ['/manager/audit', '/manager/audit/export']) {
        const response = await send('GET', pathname, { identity: identities.manager });
        const leaked = secrets.filter((secret) => response.text.includes(secret));
        if (leaked.length > 0) finding('unauthorized', `GET ${pathname} as manager showed a patient's name or email under the pseudonyms-only policy`);
        if (query && pathname.includes('export') && response.text.trim().split('\n').length > 1) {
          finding('unauthorized', `GET ${pathname}: the filter matched a patient's name or email under the pseudonyms-only policy`);
        }
      }
    }
  }

  // -------- server actions
  const actions = discoverActions();
  // Sign-in, set-password-with-link and reset requests are for people without a session.
  const publicActions = new Set(['setPasswordAction', ...actions.filter((action) => action.filename.startsWith('app/(auth)/')).map((action) => action.name)]);
  for (const action of actions) {
    const page = action.pages[0] ?? '/';
    // The area comes from where the action's code lives; shared components serve every role.
    const area = areaOf(action.filename);
    const owners = Object.values(identities).filter((identity) => !area || identity.role === area);
    const owner = owners.find((identity) => formsByRole.get(identity.name)?.has(action.id)) ?? owners[0]!;
    const known = formsByRole.get(owner.name)?.get(action.id) ?? formsByRole.get('no session')?.get(action.id);
    const fields = plausibleFields(known);

    // 1. Outsiders and (for area actions) every other identity: nothing may change.
    const intruders = [...outsiders, ...Object.values(identities).filter((identity) => area && identity.role !== area)];
    // Same role, other owner: replays the owner's form (its hidden record ids) from another account.
    const sameRoleOther = Object.values(identities).find((identity) => area && identity.role === area && identity.name !== owner.name);
    for (const identity of publicActions.has(action.name) ? [] : intruders) {
      const before = await snapshot();
      await callAction(action, page, identity, fields);
      if ((await snapshot()) !== before) finding('unauthorized', `${action.name} (${action.filename}) as ${identity.name} changed data`);
    }
    // Same role, other owner: may change their own records, never the owner's.
    if (sameRoleOther) {
      const victimIds = await ownedIds(owner.userId!);
      const before = await scopedSnapshot(victimIds);
      await callAction(action, page, sameRoleOther, fields);
      if ((await scopedSnapshot(victimIds)) !== before) finding('unauthorized', `${action.name} as ${sameRoleOther.name} changed ${owner.name}'s records`);
    }

    // 2. Cross-site Origin: refused, nothing changes.
    {
      const before = await snapshot();
      const response = await callAction(action, page, owner, fields, { origin: 'https://evil.example' });
      if (response.status < 400) finding('unauthorized', `${action.name} from a cross-site Origin → ${response.status}`);
      if ((await snapshot()) !== before) finding('unauthorized', `${action.name} from a cross-site Origin changed data`);
    }

    // 3. Bad input on every field, as the owner.
    const targets = [...fields.keys()].filter((name) => !['callbackUrl'].includes(name));
    if (targets.length === 0) targets.push('value');
    const ownerIdentity = publicActions.has(action.name) ? anonymous : owner;
    for (const field of targets) {
      for (const [label, value] of Object.entries(NEVER_VALID)) {
        await callAction(action, page, ownerIdentity, new Map([...fields, [field, value]]), { label: `${label} in ${field}` });
        if (await markerStored()) finding('invalidStored', `${action.name}: ${label} in "${field}" was stored`);
      }
      for (const [label, value] of Object.entries(BAD_INPUTS)) {
        await callAction(action, page, ownerIdentity, new Map([...fields, [field, value]]), { label: `${label} in ${field}` });
      }
    }
    // One strict way to read a field: a number written loosely ("1e1", "0x5", " 5 ") or a field the form
    // does not have refuses the whole submission, so nothing at all may change.
    for (const field of numericFields.get(action.id) ?? []) {
      if (!fields.has(field)) continue;
      for (const value of STRICT_NUMBER_REFUSALS) {
        const before = await snapshot();
        await callAction(action, page, ownerIdentity, new Map([...fields, [field, value]]), { label: `${JSON.stringify(value)} in number field ${field}` });
        if ((await snapshot()) !== before) finding('invalidStored', `${action.name}: ${JSON.stringify(value)} in number field "${field}" was accepted`);
      }
    }
    if (fields.size > 0) {
      const before = await snapshot();
      await callAction(action, page, ownerIdentity, new Map([...fields, ['clinicianId', randomUUID()], ['isAdmin', 'true']]), { label: 'valid form with extra fields' });
      if ((await snapshot()) !== before) finding('invalidStored', `${action.name}: a submission with extra fields was accepted`);
    }
    // Extra fields a strict schema refuses, an array where a scalar belongs, and a 2 MB body.
    {
      await callAction(action, page, ownerIdentity, new Map([...fields, ['role', MARKER], ['patientId', MARKER], ['__proto__', `{"admin":"${MARKER}"}`]]), { label: 'extra fields' });
      const withFile = new Map<string, string | Blob>(fields);
      await callAction(action, page, ownerIdentity, withFile.set(targets[0]!, new Blob([MARKER])), { label: 'a file' });
      await callAction(action, page, ownerIdentity, new Map([...fields, [targets[0]!, MARKER + 'z'.repeat(2 * 1024 * 1024)]]), { label: '2 MB value' });
      if (await markerStored()) finding('invalidStored', `${action.name}: extra fields, a file or a 2 MB value were stored`);
    }
    // Actions like sign-out end the caller's sessions: sign everyone in afresh for the next action,
    // and keep the demo clinic's sign-in policy as seeded (an owner's own valid submission may change it).
    await sqlClient`update clinics set mfa_required_for_managers = false, mfa_required_for_clinicians = false`;
    await refreshIdentities();
    // GET on the action's page with its id: never runs the action. A plain GET first, because some pages write
    // when opened (the messages page records what the reader has now seen), and that is not the action running.
    await send('GET', page, { identity: owner });
    const before = await snapshot();
    await send('GET', page, { identity: owner, headers: { 'Next-Action': action.id } });
    if ((await snapshot()) !== before) finding('unauthorized', `GET with Next-Action ran ${action.name}`);
  }
  // An action id that does not exist.
  await send('POST', '/login', { headers: { 'Next-Action': 'f'.repeat(42), Origin: BASE }, body: '[]' });
  console.log(`[security] ${pages.length} pages, ${discoverRouteHandlers().length} route handlers, ${actions.length} server actions checked`);
  // Which actions were replayed with the fields of a form the server rendered (so with real record ids), and which
  // only with guessed fields: a form the crawl never saw is a gap in coverage, not a pass.
  const unseen = actions.filter((action) => ![...formsByRole.values()].some((forms) => forms.has(action.id))).map((action) => action.name);
  console.log(`[security] actions replayed from a rendered form: ${actions.length - unseen.length}; from guessed fields only: ${unseen.length}${unseen.length ? ` (${unseen.join(', ')})` : ''}`);
}

// ---------------------------------------------------------------- sign-in throttling, device cookies, staff links
const defenceReport: string[] = [];

type Attempt = { signedIn: string | null; device: string | null };

/** One sign-in over HTTP, from `address`, sending `cookies` (device cookies) with it. */
async function attemptSignIn(email: string, password: string, options: { address?: string; cookies?: string[] } = {}): Promise<Attempt> {
  const csrf = await fetchCsrf(BASE);
  const csrfToken = csrf.csrfToken;
  const csrfCookie = csrf.csrfCookie!;
  const response = await send('POST', '/api/auth/callback/credentials', {
    label: 'sign-in defences',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Cookie: [csrfCookie, ...(options.cookies ?? [])].join('; '),
      'X-Forwarded-For': options.address ?? randomAddress(),
    },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${BASE}/` }),
  });
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
  return {
    signedIn: cookies.find((cookie) => cookie.startsWith(`${COOKIE}=`)) ?? null,
    device: cookies.find((cookie) => cookie.startsWith('uplift-device-')) ?? null,
  };
}

/** Sign-in attempts of `userId` since `since` that got past the throttle (their password was checked). */
async function attemptsChecked(userId: string, since: Date): Promise<{ checked: number; total: number }> {
  const [row] = await sqlClient<{ checked: number; total: number }[]>`
    select count(*) filter (where coalesce(detail->>'reason', '') <> 'throttled')::int as checked, count(*)::int as total
    from audit_events where actor_id = ${userId} and action = 'auth.sign-in' and at >= ${since}`;
  return row!;
}

/** Calls an account action (found by name in the build) as `cookie`; the response text, to search for links. */
async function accountAction(name: string, page: string, cookie: string, fields: Record<string, string>): Promise<string> {
  const action = discoverActions().find((candidate) => candidate.name === name);
  if (!action) throw new Error(`no server action named ${name}`);
  const identity: Identity = { name: `${name} caller`, cookie, role: null, userId: null };
  const response = await callAction(action, page, identity, new Map(Object.entries(fields)));
  return response.text;
}

/**
 * docs/SECURITY.md items proven over HTTP against the production build: simultaneous guesses cannot
 * slip past the throttle; a browser the person used before is not held back by a stranger's
 * guesses, nor by a stranger spraying from the office's address; staff-issued links cannot be used
 * to impersonate (never shown for staff without a second-factor re-check, which also clears the
 * person's second factor; clinicians only for their active caseload; full sign-in required; a
 * password change voids outstanding links).
 */
async function checkSignInDefences() {
  process.env.AUTH_SECRET = SECRET;
  const { sealSecret } = await import('../lib/auth/secret-box');
  const { generateTotpSecret, totpCode } = await import('../lib/auth/totp');
  const used = [DEMO_ACCOUNTS.patient, DEMO_ACCOUNTS.patient2, 'amina.okafor@demo.test', 'george.whitfield@demo.test', 'priya.shah@demo.test', 'tom.brennan@demo.test'];
  const spare = await sqlClient<{ id: string; email: string }[]>`
    select u.id, u.email from users u
    where u.role = 'patient' and u.active and u.password_hash is not null and u.email <> all(${used})
      and exists (select 1 from episodes e where e.patient_id = u.id and e.status = 'active')
    order by u.email limit 3`;
  if (spare.length < 3) throw new Error('the demo clinic has too few patients for the sign-in checks');
  const [burstVictim, deviceOwner, officeWorker] = [spare[0]!, spare[1]!, spare[2]!];

  // 1. Twenty guesses at once after four failures: at most one reaches the password check.
  {
    for (let attempt = 0; attempt < 4; attempt += 1) await attemptSignIn(burstVictim.email, `wrong guess ${attempt}`);
    const [clock] = await sqlClient<{ now: Date }[]>`select now() as now`;
    const now = clock!.now;
    const burst = await Promise.all(Array.from({ length: 20 }, (_, index) => attemptSignIn(burstVictim.email, index === 10 ? DEMO_PASSWORD : `burst guess ${index}`)));
    const { checked, total } = await attemptsChecked(burstVictim.id, now);
    if (checked > 1) finding('unauthorized', `${checked} of 20 simultaneous sign-in attempts reached the password check (at most 1 may)`);
    if (!burst.some((attempt) => attempt.signedIn) && (await attemptSignIn(burstVictim.email, DEMO_PASSWORD)).signedIn) {
      finding('unauthorized', 'the right password was accepted from a new browser while the account was delayed');
    }
    defenceReport.push(`20 simultaneous guesses: ${checked} checked, ${total - checked} refused unchecked`);
  }

  // 2. A browser that signed in before is not held back by a stranger's guesses.
  {
    const first = await attemptSignIn(deviceOwner.email, DEMO_PASSWORD);
    if (!first.device) finding('lockedOut', 'a successful sign-in set no device cookie');
    for (let attempt = 0; attempt < 12; attempt += 1) await attemptSignIn(deviceOwner.email, `stranger ${attempt}`);
    if ((await attemptSignIn(deviceOwner.email, DEMO_PASSWORD)).signedIn) finding('unauthorized', 'a stranger’s browser signed in during the account’s delay');
    const own = await attemptSignIn(deviceOwner.email, DEMO_PASSWORD, { cookies: first.device ? [first.device] : [] });
    if (!own.signedIn) finding('lockedOut', 'the person’s own browser (device cookie) was held back by a stranger’s guesses');
    const forged = first.device ? `${first.device.slice(0, -4)}AAAA` : 'uplift-device-x=forged';
    if ((await attemptSignIn(deviceOwner.email, 'another stranger guess', { cookies: [forged] })).signedIn) finding('unauthorized', 'a forged device cookie signed in');
    defenceReport.push(`device cookie after 12 stranger guesses: ${own.signedIn ? 'signed in' : 'HELD BACK'}`);
    // The sign-in form (a server action, as browsers use it) gives the device cookie too.
    const login = discoverActions().find((action) => action.name === 'signInAction');
    if (login) {
      // With the device cookie: the account is still in its delay after the stranger's guesses.
      const anonymous: Identity = { name: 'sign-in form', cookie: first.device, role: null, userId: null };
      const response = await callAction(login, '/login', anonymous, new Map([['email', deviceOwner.email], ['password', DEMO_PASSWORD]]));
      if (!response.headers.getSetCookie().some((cookie) => cookie.startsWith('uplift-device-'))) finding('lockedOut', 'signing in with the sign-in form set no device cookie');
    }
  }

  // 3. A stranger spraying passwords from the clinic's office address does not hold its people back.
  {
    const office = randomAddress();
    const first = await attemptSignIn(officeWorker.email, DEMO_PASSWORD, { address: office });
    for (let attempt = 0; attempt < 22; attempt += 1) await attemptSignIn(`spray-${attempt}@demo.test`, 'Summer2026!!', { address: office });
    const again = await attemptSignIn(officeWorker.email, DEMO_PASSWORD, { address: office, cookies: first.device ? [first.device] : [] });
    if (!again.signedIn) finding('lockedOut', 'a known browser at a sprayed office address was held back');
    defenceReport.push(`office address after 22 sprayed guesses: known browser ${again.signedIn ? 'signed in' : 'HELD BACK'}`);
  }

  // 4. Staff-issued links.
  const manager = await attemptSignIn(DEMO_ACCOUNTS.manager, DEMO_PASSWORD);
  const clinicianEmail = DEMO_ACCOUNTS.clinician;
  const [clinicianRow] = await sqlClient<{ id: string; session_version: number }[]>`select id, session_version from users where email = ${clinicianEmail}`;
  const linkIn = (text: string) => /\/reset\/[A-Za-z0-9_-]{20,}/.exec(text)?.[0] ?? null;
  {
    // No mail server here, and the manager has no second factor: a staff member's link is never shown.
    if (linkIn(await accountAction('issueResetLinkAction', '/manager/account', manager.signedIn!, { email: clinicianEmail }))) {
      finding('unauthorized', 'a staff member’s reset link was shown to a manager without a second-factor re-check');
    }
    const secret = generateTotpSecret();
    await sqlClient`update users set mfa_secret = ${sealSecret(secret)}, mfa_enabled_at = now() where email = ${DEMO_ACCOUNTS.manager}`;
    const wrong = String((Number(totpCode(secret)) + 500_000) % 1_000_000).padStart(6, '0');
    if (linkIn(await accountAction('issueResetLinkAction', '/manager/account', manager.signedIn!, { email: clinicianEmail, code: wrong }))) {
      finding('unauthorized', 'a staff member’s reset link was shown after a wrong authenticator code');
    }
    const shown = linkIn(await accountAction('issueResetLinkAction', '/manager/account', manager.signedIn!, { email: clinicianEmail, code: totpCode(secret) }));
    const [after] = await sqlClient<{ mfa_reset_at: Date | null; mfa_enabled_at: Date | null }[]>`select mfa_reset_at, mfa_enabled_at from users where id = ${clinicianRow!.id}`;
    if (shown && (!after!.mfa_reset_at || after!.mfa_enabled_at)) finding('unauthorized', 'a staff link was shown without clearing the person’s second factor');
    if (shown) {
      // The person (or whoever used the link) must enrol again before reaching their area.
      const clinician = await attemptSignIn(clinicianEmail, DEMO_PASSWORD);
      const area = await send('GET', '/clinician', { identity: { name: 'clinician after staff reset', cookie: clinician.signedIn, role: 'clinician', userId: clinicianRow!.id } });
      if (area.status === 200) finding('unauthorized', 'a staff member whose second factor was cleared reached their area without enrolling again');
    }
    defenceReport.push(`staff link without mail: shown only after the manager's code (${shown ? 'then second factor cleared' : 'not issued'})`);
    await sqlClient`update users set mfa_secret = null, mfa_enabled_at = null where email = ${DEMO_ACCOUNTS.manager}`;
    await sqlClient`update users set mfa_reset_at = null where id = ${clinicianRow!.id}`;
  }
  {
    const clinician = await attemptSignIn(clinicianEmail, DEMO_PASSWORD);
    const [elsewhere] = await sqlClient<{ email: string }[]>`
      select u.email from users u join episodes e on e.patient_id = u.id join users c on c.id = e.clinician_id
      where c.email = ${DEMO_ACCOUNTS.clinician2} and e.status = 'active' and u.active limit 1`;
    const [discharged] = await sqlClient<{ email: string }[]>`
      select u.email from users u join episodes e on e.patient_id = u.id join users c on c.id = e.clinician_id
      where c.email = ${clinicianEmail} and e.status = 'discharged' and u.active
        and not exists (select 1 from episodes a where a.patient_id = u.id and a.status = 'active') limit 1`;
    for (const [label, email] of [['another clinician’s patient', elsewhere?.email], ['a discharged patient', discharged?.email]] as const) {
      if (!email) continue;
      if (linkIn(await accountAction('issueResetLinkAction', '/clinician/account', clinician.signedIn!, { email }))) {
        finding('unauthorized', `a clinician issued a reset link for ${label}`);
      }
    }
    // Any password change voids outstanding links: a link issued for a patient, then the patient
    // changes their password, and the link no longer works.
    const [ownPatient] = await sqlClient<{ email: string }[]>`
      select u.email from users u join episodes e on e.patient_id = u.id join users c on c.id = e.clinician_id
      where c.email = ${clinicianEmail} and e.status = 'active' and u.active and u.email <> all(${[...used, burstVictim.email, deviceOwner.email, officeWorker.email]}) limit 1`;
    const link = linkIn(await accountAction('issueResetLinkAction', '/clinician/account', clinician.signedIn!, { email: ownPatient!.email }));
    if (link) {
      const patient = await attemptSignIn(ownPatient!.email, DEMO_PASSWORD);
      const newPassword = 'a brand new walk by the sea';
      await accountAction('changePasswordAction', '/patient/account', patient.signedIn!, { username: ownPatient!.email, current: DEMO_PASSWORD, password: newPassword, confirm: newPassword });
      const page = await send('GET', link);
      if (!page.text.includes('This link no longer works')) finding('unauthorized', 'a reset link still worked after the password was changed');
    } else {
      console.log('[security] note: a clinician could not issue a link for their own active patient, so link voiding was not checked');
    }
    // Issuing needs the role's full sign-in: with MFA required and not enrolled, no link.
    await sqlClient`update clinics set mfa_required_for_clinicians = true`;
    if (linkIn(await accountAction('issueResetLinkAction', '/clinician/account', clinician.signedIn!, { email: spare[0]!.email }))) {
      finding('unauthorized', 'a clinician who had not completed the sign-in their clinic requires (MFA) issued a reset link');
    }
    await sqlClient`update clinics set mfa_required_for_clinicians = false`;
    defenceReport.push('clinician links: other caseloads, discharged patients and unfinished sign-in refused; password change voided the link');
  }
}

main().catch((error: unknown) => {
  console.error(`security-suite could not run: ${(error as Error).stack ?? error}`);
  process.exit(2);
});
