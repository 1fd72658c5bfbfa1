import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(path.join(tmpdir(), 'uplift-clinic-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function createClinic(...args: string[]) {
  return spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/create-clinic.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, UPLIFT_DATA_DIR: dataDir, DATABASE_URL: '', AUTH_URL: 'https://uplift.clinic.example' },
    timeout: 60_000,
  });
}

describe('npm run clinic:create', () => {
  it('creates a clinic and its first manager, prints a one-time invitation link, and refuses a duplicate email', () => {
    const first = createClinic('--name', 'Riverside Physio', '--manager-email', 'Lead@Riverside.example', '--manager-name', 'Dana Lee');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/https:\/\/uplift\.clinic\.example\/invite\/[A-Za-z0-9_-]{40,}/);
    expect(first.stdout).toContain('lead@riverside.example');

    const again = createClinic('--name', 'Another Clinic', '--manager-email', 'lead@riverside.example', '--manager-name', 'Someone');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
  }, 90_000);

  it('explains the usage when an argument is missing', () => {
    const result = createClinic('--name', 'Riverside Physio');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Usage: npm run clinic:create');
  });
});
