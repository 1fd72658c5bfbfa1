import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm start', () => {
  it('refuses to start in production without AUTH_SECRET, with a clear message', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'uplift-start-'));
    try {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
        encoding: 'utf8',
        env: { ...process.env, NODE_ENV: 'production', AUTH_SECRET: '', UPLIFT_DATA_DIR: dataDir, DATABASE_URL: '' },
        timeout: 30_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('AUTH_SECRET is not set');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to start with DATABASE_URL but no AUTH_SECRET, in development too', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'uplift-start-'));
    try {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
        encoding: 'utf8',
        env: { ...process.env, NODE_ENV: 'development', AUTH_SECRET: '', UPLIFT_DATA_DIR: dataDir, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
        timeout: 30_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('AUTH_SECRET is not set. With DATABASE_URL set');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses several server processes on the embedded database, which allows one', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      encoding: 'utf8',
      env: { ...process.env, UPLIFT_WORKERS: '2', DATABASE_URL: '' },
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('UPLIFT_WORKERS above 1 needs DATABASE_URL');
  });

  it('refuses a job runner process of its own on the embedded database, and an unknown UPLIFT_JOBS', () => {
    const run = (jobs: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { encoding: 'utf8', env: { ...process.env, UPLIFT_JOBS: jobs, DATABASE_URL: '' }, timeout: 30_000 });
    const separate = run('process');
    expect(separate.status).toBe(1);
    expect(separate.stderr).toContain('UPLIFT_JOBS=process needs DATABASE_URL');
    const unknown = run('sometimes');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('UPLIFT_JOBS takes process, server or off');
  });
});

describe('npm run jobs', () => {
  it('refuses to run without PostgreSQL, with a clear message', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/run-jobs.ts'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '' },
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npm run jobs needs DATABASE_URL');
  });
});
