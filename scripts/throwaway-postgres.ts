/**
 * A throwaway PostgreSQL cluster for the security and fault suites: initdb in a temporary folder,
 * served on a loopback port, removed afterwards. initdb refuses to run as root, so as root the
 * commands run as the `postgres` user (runuser). Set DATABASE_URL instead to use a server of your own.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type Cluster = { url: string; stop: (mode?: 'fast' | 'immediate') => void; start: () => void; remove: () => void };

function run(command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [bin, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  execFileSync(bin, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
}

export function startCluster(port: number): Cluster {
  const dir = mkdtempSync(path.join(tmpdir(), 'uplift-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const start = () => run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`, 'start']);
  const stop = (mode: 'fast' | 'immediate' = 'fast') => run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    remove: () => {
      try {
        stop('immediate');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
