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
    const first = createClinic('--name', 'Riverside Physio', '--manager-email', 'Lead@Riverside.example', '--manager-name', 'Dana Lee', '--time-zone', 'america/new_york', '--country', 'US');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/https:\/\/uplift\.clinic\.example\/invite\/[A-Za-z0-9_-]{40,}/);
    expect(first.stdout).toContain('lead@riverside.example');

    const again = createClinic('--name', 'Another Clinic', '--manager-email', 'lead@riverside.example', '--manager-name', 'Someone', '--time-zone', 'Europe/London', '--country', 'GB');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
  }, 90_000);

  it('explains the usage when an argument is missing', () => {
    const result = createClinic('--name', 'Riverside Physio');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Usage: npm run clinic:create');
  });

  it('refuses a time zone that is not an IANA name, or an unknown country, with a clear message, and creates nothing', () => {
    const email = `refused-${Math.random().toString(36).slice(2)}@riverside.example`;
    const cases: [string[], string][] = [
      [['--time-zone', 'EST', '--country', 'US'], '“EST” is not a time zone we know'],
      [['--time-zone', 'America/New_Yrok', '--country', 'US'], '“America/New_Yrok” is not a time zone we know'],
      [['--country', 'US'], 'time zone'],
      [['--time-zone', 'America/New_York', '--country', 'XX'], 'Choose the clinic’s country'],
    ];
    for (const [extra, message] of cases) {
      const refused = createClinic('--name', 'Refused Clinic', '--manager-email', email, '--manager-name', 'Nobody', ...extra);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(message);
      expect(refused.stdout).not.toContain('/invite/');
    }
    // Nothing was written: the same email can still be used.
    const created = createClinic('--name', 'Refused Clinic', '--manager-email', email, '--manager-name', 'Nobody', '--time-zone', 'Australia/Sydney', '--country', 'AU');
    expect(created.status, created.stderr).toBe(0);
  }, 120_000);
});
