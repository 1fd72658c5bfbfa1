/** The bench's results as a terminal table and as the generated part of docs/PERFORMANCE.md. */
import type { FhirExportTiming } from './fhir-export';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PlannedStatement } from './explain';
import type { FirstLoad } from './first-load';
import type { Measurement } from './measure';
import type { BenchRoute } from './routes';

export type RouteResult = {
  route: BenchRoute;
  path: string | null;
  status: 'measured' | 'not built yet' | 'error';
  message?: string;
  runs: Measurement[];
  plans?: PlannedStatement[];
  /** With --jobs idle,busy: each level's rounds with the job runner idle and busy. */
  pairs?: JobPair[];
};

export type JobPair = { connections: number; idle: Measurement[]; busy: Measurement[] };

export type DatabaseRun = {
  kind: 'postgres' | 'pglite';
  label: string;
  /** With --jobs idle,busy: the rounds per level, and the jobs the runner did in the busy ones (scripts/bench/job-load.ts). */
  jobs?: { rounds: number; sent: number; completed: number; kinds: number };
  generation: { seconds: number | null; rows: number | null; sizeMb: number | null };
  routes: RouteResult[];
  memory: { idleMb: number | null; peakMb: number | null; endMb: number | null; perRoute: Record<string, number> };
  firstLoad: Record<string, FirstLoad>;
  /** 1-minute load average when the run started and ended: the machine is shared, so read the figures with it. */
  load: { start: number; end: number | null };
  /** Server processes sharing the port (scripts/next-cluster.mjs); 1 is plain `next start`. */
  workers?: number;
  topStatements?: { query: string; calls: number; meanMs: number; totalMs: number }[];
  /** `npm run fhir:export` of the whole generated clinic, timed as its own process. */
  fhirExport?: FhirExportTiming;
};

export type Machine = { cpu: string; cores: number; memoryGb: number; node: string; os: string; date: string; postgres: string | null; pglite: string; next: string };

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 1 : 0) : '–');
const rate = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '–');
const cpu = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toFixed(1));

function verdict(route: BenchRoute, run: Measurement, ceiling: number | null): string {
  const notes: string[] = [];
  if (route.target && route.target.connections === run.connections) notes.push(run.p95 <= route.target.p95 ? `✅ p95 ≤ ${route.target.p95}` : `❌ p95 > ${route.target.p95}`);
  if (route.key === 'patient-home' && run.connections === 10 && ceiling) {
    const share = run.perSecond / ceiling;
    notes.push(`${share >= 0.5 ? '✅' : '❌'} ${(share * 100).toFixed(0)}% of ceiling`);
  }
  if (run.failed) notes.push(`${run.failed} failed (4xx/5xx)`);
  if (run.errors) notes.push(`${run.errors} errors`);
  if (run.refused) notes.push(`${run.refused} refused input`);
  return notes.join(' · ');
}

function ceilingOf(run: DatabaseRun, connections: number): number | null {
  const bare = run.routes.find((result) => result.route.ceiling);
  return bare?.runs.find((measurement) => measurement.connections === connections)?.perSecond ?? null;
}

export function resultsTable(run: DatabaseRun): string {
  const lines = [
    '| route | path | users | req/s | median ms | p95 ms | p99 ms | server CPU ms | database CPU ms | target / notes |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const result of run.routes) {
    if (result.status !== 'measured') {
      lines.push(`| ${result.route.name} | ${result.path ?? '–'} | | | | | | | | ${result.status}${result.message ? `: ${result.message}` : ''} |`);
      continue;
    }
    for (const measurement of result.runs) {
      lines.push(
        `| ${result.route.name} | \`${result.path}\` | ${measurement.connections} | ${rate(measurement.perSecond)} | ${ms(measurement.p50)} | ${ms(measurement.p95)} | ${ms(measurement.p99)} | ${cpu(measurement.cpuMs?.server)} | ${cpu(measurement.cpuMs?.database)} | ${verdict(result.route, measurement, ceilingOf(run, measurement.connections))} |`,
      );
    }
  }
  return lines.join('\n');
}

export function printTable(run: DatabaseRun): void {
  const rows: string[][] = [['route', 'users', 'req/s', 'median', 'p95', 'p99', 'cpu', 'db cpu', 'notes']];
  for (const result of run.routes) {
    if (result.status !== 'measured') {
      const message = `${result.status}${result.message ? `: ${result.message}` : ''}`;
      rows.push([result.route.name, '', '', '', '', '', '', '', message.length > 70 ? `${message.slice(0, 69)}…` : message]);
      continue;
    }
    for (const measurement of result.runs) {
      rows.push([result.route.name, String(measurement.connections), rate(measurement.perSecond), ms(measurement.p50), ms(measurement.p95), ms(measurement.p99), cpu(measurement.cpuMs?.server), cpu(measurement.cpuMs?.database), verdict(result.route, measurement, ceilingOf(run, measurement.connections))]);
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log(`\n${run.label}${(run.workers ?? 1) > 1 ? `, ${run.workers} server processes` : ''} (load average ${run.load.start.toFixed(1)} → ${run.load.end?.toFixed(1) ?? '–'})`);
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, column) => (column === 0 || column === 8 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  }
  const memory = run.memory;
  console.log(`server memory (RSS): idle ${memory.idleMb ?? '–'} MB, peak ${memory.peakMb ?? '–'} MB, end ${memory.endMb ?? '–'} MB`);
  for (const [key, load] of Object.entries(run.firstLoad)) console.log(`first-load JS ${key}: ${load.gzipKb.toFixed(1)} kB gzipped (${load.scripts} scripts, ${load.rawKb.toFixed(0)} kB raw)`);
}

function plansSection(run: DatabaseRun): string {
  const parts: string[] = [];
  for (const result of run.routes) {
    if (!result.plans?.length) continue;
    const total = result.plans.reduce((sum, statement) => sum + statement.ms, 0);
    parts.push(`**${result.route.name}** (\`${result.path}\`): ${result.plans.length} statements, ${total.toFixed(1)} ms in the database`);
    parts.push('');
    parts.push('| ms | rows | statement | read with |');
    parts.push('|---:|---:|---|---|');
    for (const statement of result.plans) {
      const query = statement.query.length > 110 ? `${statement.query.slice(0, 107)}…` : statement.query;
      const flagged = statement.seqScans.length ? ` ⚠️ seq scan ${statement.seqScans.join(', ')}` : '';
      parts.push(`| ${statement.ms.toFixed(2)} | ${statement.rows} | \`${query.replace(/\|/g, '\\|').replace(/`/g, "'")}\` | ${statement.scans.join(', ') || '–'}${flagged} |`);
    }
    parts.push('');
  }
  return parts.join('\n');
}

export function markdown(machine: Machine, runs: DatabaseRun[], options: { patients: number; seconds: number; connections: number[] }): string {
  const out: string[] = [];
  out.push(`Measured ${machine.date} by \`npm run bench\` on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGb} GB), ${machine.os}, Node ${machine.node}, Next.js ${machine.next}, ${machine.postgres ?? 'PostgreSQL not run'}, PGlite ${machine.pglite}.`);
  out.push(`Generated clinic of ${options.patients.toLocaleString('en-GB')} patients; autocannon on loopback, ${options.seconds} s per measurement at ${options.connections.join(' and ')} concurrent connections, after a warm-up.`);
  out.push('');
  const severalPostgres = runs.filter((run) => run.kind === 'postgres').length > 1;
  for (const run of runs) {
    const processes = (run.workers ?? 1) > 1 ? `, ${run.workers} server processes` : ', one server process';
    out.push(`### ${run.label}${run.kind === 'postgres' && severalPostgres ? processes : ''}`);
    out.push('');
    const generation = run.generation;
    if (generation.seconds !== null) out.push(`Generated ${generation.rows?.toLocaleString('en-GB')} rows in ${(generation.seconds / 60).toFixed(1)} min.`);
    if (generation.sizeMb !== null) out.push(`Database size ${generation.sizeMb.toLocaleString('en-GB')} MB.`);
    if (run.fhirExport) {
      out.push(
        'error' in run.fhirExport
          ? `Whole-clinic FHIR export (\`npm run fhir:export\`) failed: ${run.fhirExport.error.split('\n').at(-1)}`
          : `Whole-clinic FHIR export (\`npm run fhir:export\`): ${run.fhirExport.resources.toLocaleString('en-GB')} resources, ${run.fhirExport.sizeMb.toLocaleString('en-GB')} MB of NDJSON in ${(run.fhirExport.seconds / 60).toFixed(1)} min${run.fhirExport.peakMb === null ? '' : `, peak memory ${run.fhirExport.peakMb} MB`}.`,
      );
    }
    out.push(
      (run.workers ?? 1) > 1
        ? `Server: ${run.workers} \`next start\` processes sharing the port (\`UPLIFT_WORKERS=${run.workers}\`, scripts/next-cluster.mjs).`
        : 'Server: one `next start` process.',
    );
    out.push(`Load average (1 min) on the ${machine.cores} cores: ${run.load.start.toFixed(1)} at the start, ${run.load.end?.toFixed(1) ?? '–'} at the end${run.load.start > machine.cores ? ' — other work was running, so absolute figures are pessimistic; compare routes with the ceiling of the same run' : ''}.`);
    out.push('');
    out.push(resultsTable(run));
    out.push('');
    out.push(`Server memory (RSS of the next-server process tree, sampled every 0.5 s): idle ${run.memory.idleMb ?? '–'} MB, peak ${run.memory.peakMb ?? '–'} MB, at the end ${run.memory.endMb ?? '–'} MB. After each route: ${Object.entries(run.memory.perRoute).map(([key, mb]) => `${key} ${mb}`).join(', ')} MB.`);
    out.push('');
    const loads = Object.entries(run.firstLoad);
    if (loads.length) {
      out.push('First-load JavaScript (every script the HTML references, gzipped; budget 180 kB):');
      out.push('');
      for (const [key, load] of loads) out.push(`- ${key}: ${load.gzipKb.toFixed(1)} kB gzipped in ${load.scripts} scripts (${load.rawKb.toFixed(0)} kB raw) ${load.gzipKb <= 180 ? '✅' : '❌'}`);
      out.push('');
    }
  }
  return out.join('\n');
}

/**
 * The database's view of a run: statements by total time and the EXPLAIN summary of one request per
 * route. Written beside the raw figures in bench-results/, not into docs/PERFORMANCE.md, which keeps
 * only the figures against the targets.
 */
export function statementsMarkdown(runs: DatabaseRun[]): string {
  const out: string[] = ['# Statements of the latest bench run', ''];
  for (const run of runs) {
    if (!run.topStatements?.length && !run.routes.some((result) => result.plans?.length)) continue;
    out.push(`## ${run.label}${(run.workers ?? 1) > 1 ? `, ${run.workers} server processes` : ''}`);
    out.push('');
    if (run.topStatements?.length) {
      out.push('Statements by total database time during the measurements (pg_stat_statements):');
      out.push('');
      out.push('| calls | mean ms | total ms | statement |');
      out.push('|---:|---:|---:|---|');
      for (const statement of run.topStatements) {
        const query = statement.query.replace(/\s+/g, ' ');
        out.push(`| ${statement.calls} | ${statement.meanMs.toFixed(2)} | ${statement.totalMs.toFixed(0)} | \`${(query.length > 120 ? `${query.slice(0, 117)}…` : query).replace(/\|/g, '\\|').replace(/`/g, "'")}\` |`);
      }
      out.push('');
    }
    const plans = plansSection(run);
    if (plans) {
      out.push('EXPLAIN ANALYZE of every statement of one request per route (auto_explain):');
      out.push('');
      out.push(plans);
    }
  }
  return out.join('\n');
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/** Replaces the generated part of the document, keeping the written parts around it. */
export function writeDocument(file: string, generated: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const current = existsSync(file) ? readFileSync(file, 'utf8') : `# Performance\n\n${START}\n${END}\n`;
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? `${current.slice(0, start + START.length)}\n${generated}\n${current.slice(end)}`
      : `${current.trimEnd()}\n\n## Latest results\n\n${START}\n${generated}\n${END}\n`;
  writeFileSync(file, next);
}

/**
 * With `--jobs idle,busy`: each page's p95 and server CPU per request with the job runner busy, as a
 * ratio of the same with it idle, beside the bare page's ratio, which is the noise of the machine
 * between the two runs (the bare page does no database work and no job can slow its query).
 */
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The measurement whose p95 is the median of the rounds (the lower middle one of an even number). */
export function medianByP95(measurements: Measurement[]): Measurement {
  const sorted = [...measurements].sort((a, b) => a.p95 - b.p95);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * Idle against busy, page by page: the median of each page's rounds, and each round's own busy ÷ idle
 * ratio. The bare page does no work the runner touches, so its ratios are the noise of the machine.
 */
export function jobLoadSection(runs: DatabaseRun[]): string {
  const lines: string[] = [];
  for (const run of runs.filter((candidate) => candidate.jobs)) {
    const jobs = run.jobs!;
    lines.push(
      '',
      `### The job runner at work (${run.workers ?? 1} server process${(run.workers ?? 1) === 1 ? '' : 'es'})`,
      '',
      `Each page was measured in ${jobs.rounds} pairs of rounds, one with the runner idle and one while it worked through every scheduled kind over the whole clinic (all ${jobs.kinds} queued together every 3 seconds: ${jobs.completed} jobs done in the busy rounds), alternating which went first. Ratios are busy ÷ idle; the bare page's are the machine's noise.`,
      '',
      '| page | users | p95 idle (ms) | p95 busy (ms) | ratio of medians | ratio per pair | CPU/request idle → busy (ms) |',
      '|---|---:|---:|---:|---:|---|---:|',
    );
    for (const result of run.routes) {
      for (const pair of result.pairs ?? []) {
        const idle = median(pair.idle.map((measurement) => measurement.p95));
        const busy = median(pair.busy.map((measurement) => measurement.p95));
        const perPair = pair.idle.map((measurement, index) => (pair.busy[index] ? (pair.busy[index]!.p95 / measurement.p95).toFixed(2) : '–')).join(', ');
        const cpuOf = (measurements: Measurement[]) => median(measurements.map((measurement) => measurement.cpuMs?.server ?? Number.NaN));
        lines.push(`| ${result.route.name} | ${pair.connections} | ${ms(idle)} | ${ms(busy)} | ${(busy / idle).toFixed(2)} | ${perPair} | ${cpu(cpuOf(pair.idle))} → ${cpu(cpuOf(pair.busy))} |`);
      }
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
