/** Starts and stops the production server the bench measures, and samples its memory. */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serverNodeOptions, spawnJobProcess } from '../lib';

export type Server = { origin: string; pid: number; jobsPid: number | null; stop: () => Promise<void>; output: () => string };

/**
 * `nodeArgs` go to node itself (e.g. --cpu-prof, which NODE_OPTIONS does not accept). With `workers` > 1
 * the server runs as scripts/next-cluster.mjs does for `npm start` with UPLIFT_WORKERS (PostgreSQL only).
 * `jobProcess`: the job runner in a process of its own, as `npm start` runs it on PostgreSQL; otherwise
 * the server runs it.
 */
export async function startServer(port: number, env: Record<string, string>, nodeArgs: string[] = [], workers = 1, jobProcess = false): Promise<Server> {
  const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
  const startArgs = ['start', '-p', String(port), '-H', '127.0.0.1'];
  // Node running next's own script, not npx: its pid is the server, so stopping it leaves no orphan (TOOLCHAIN.md 11).
  const argv = workers > 1 ? [...nodeArgs, path.join(process.cwd(), 'scripts', 'next-cluster.mjs'), String(workers), ...startArgs] : [...nodeArgs, nextBin, ...startArgs];
  const common: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    AUTH_TRUST_HOST: 'true',
    UPLIFT_JOBS: jobProcess ? 'process' : 'server',
    ...env,
  };
  const child: ChildProcess = spawn(process.execPath, argv, {
    // The heap cap npm start gives the server (UPLIFT_HEAP_MB), so the bench measures what runs in production.
    env: { ...common, UPLIFT_BENCH_ROUTES: '1', NODE_OPTIONS: serverNodeOptions() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const jobs = jobProcess ? spawnJobProcess(common, ['ignore', 'ignore', 'pipe']) : null;
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited during start:\n${output}`);
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`the server did not answer /api/health within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    origin,
    pid: child.pid!,
    jobsPid: jobs?.pid ?? null,
    output: () => output,
    stop: async () => {
      jobs?.kill('SIGTERM');
      await stopChild(child);
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function childrenOf(pid: number): number[] {
  try {
    const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return tasks ? tasks.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

/** Sums `read` over the server and every process it started; null if the server itself cannot be read. */
function sumOverTree(pid: number, read: (pid: number) => number): number | null {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const current = stack.pop()!;
    try {
      total += read(current);
    } catch {
      if (current === pid) return null;
    }
    stack.push(...childrenOf(current));
  }
  return total;
}

/** Resident memory (MB) of the server and any processes it started. Linux only; null elsewhere. */
export function residentMb(pid: number): number | null {
  const kb = sumOverTree(pid, (current) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${current}/status`, 'utf8'))?.[1] ?? 0));
  return kb === null ? null : Math.round(kb / 1024);
}

/** CPU time (user + system, ms) used so far by the server and any processes it started. Linux only; null elsewhere. */
export function cpuMs(pid: number): number | null {
  const ticks = sumOverTree(pid, (current) => {
    const stat = readFileSync(`/proc/${current}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  });
  // Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture we run on.
  return ticks === null ? null : ticks * 10;
}

/** Samples memory every half second until stopped; returns the samples. */
export function sampleMemory(pid: number): { stop: () => number[] } {
  const samples: number[] = [];
  const take = () => {
    const mb = residentMb(pid);
    if (mb !== null) samples.push(mb);
  };
  take();
  const timer = setInterval(take, 500);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

