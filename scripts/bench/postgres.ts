/**
 * A PostgreSQL cluster of the bench's own, on loopback, the same way CI starts one
 * (TOOLCHAIN.md): initdb refuses to run as root, so as root the folder belongs to `postgres` and
 * the commands run through runuser. The folder is kept between runs so the generated clinic is
 * generated once; `--fresh` deletes it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export type Cluster = {
  url: string;
  logFile: string;
  stop: () => void;
  /** The postmaster's pid (its backends are its children), from postmaster.pid; null if not running. */
  pid: () => number | null;
};

function postgresBin(name: string): string {
  for (const dir of ['/usr/local/bin', '/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin', '/usr/bin']) {
    if (existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  throw new Error(`${name} not found: install PostgreSQL (apt-get install -y postgresql) or pass DATABASE_URL.`);
}

const isRoot = process.getuid?.() === 0;

function asPostgres(command: string, args: string[]): void {
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
}

export function startCluster(dir: string, port: number, options: { fresh: boolean }): Cluster {
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  if (options.fresh) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  if (!existsSync(path.join(data, 'PG_VERSION'))) {
    asPostgres(postgresBin('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  }
  // Settings a small production server would have; pg_stat_statements and auto_explain let the
  // bench report which statements the pages ran and how they were planned.
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c shared_buffers=512MB',
    '-c effective_cache_size=4GB',
    '-c work_mem=16MB',
    '-c maintenance_work_mem=256MB',
    '-c max_wal_size=4GB',
    '-c shared_preload_libraries=pg_stat_statements,auto_explain',
  ].join(' ');
  asPostgres(postgresBin('pg_ctl'), ['-D', data, '-l', logFile, '-w', '-o', settings, 'start']);
  const stop = () => {
    const [file, argv] = isRoot
      ? ['runuser', ['-u', 'postgres', '--', postgresBin('pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop']]
      : [postgresBin('pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']];
    spawnSync(file, argv, { stdio: 'ignore' });
  };
  const pid = () => {
    try {
      const first = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      return Number.isInteger(first) && first > 0 ? first : null;
    } catch {
      return null;
    }
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, logFile, stop, pid };
}
