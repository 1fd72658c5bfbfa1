/**
 * `npm test`: every check, in order of speed, stopping at the first failure:
 * typecheck, lint, unit and integration tests (vitest on real migrated databases), production
 * build, then end-to-end tests in Chromium against the production server on a fresh embedded database.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ensureChromium } from './browser';

const bin = (name: string) => path.join(process.cwd(), 'node_modules', '.bin', name);

const steps: { name: string; command: string; args: string[]; env?: Record<string, string> }[] = [
  { name: 'typecheck', command: bin('tsc'), args: ['--noEmit'] },
  { name: 'lint', command: bin('eslint'), args: ['--max-warnings=0', '.'] },
  { name: 'unit and integration tests', command: bin('vitest'), args: ['run'] },
  { name: 'production build', command: bin('next'), args: ['build'], env: { NEXT_TELEMETRY_DISABLED: '1' } },
  { name: 'end-to-end tests', command: bin('playwright'), args: ['test'] },
];

const only = process.argv.slice(2);
const e2eDataDir = path.join(process.cwd(), '.data', `e2e-${process.pid}`);

// A browser is found or installed first, so a machine without one learns it before the long steps.
const runsE2e = !only.length || only.some((name) => 'end-to-end tests'.includes(name));
if (runsE2e && !ensureChromium()) process.exit(1);

for (const step of steps) {
  if (only.length && !only.some((name) => step.name.includes(name))) continue;
  const started = Date.now();
  console.log(`\n▶ ${step.name}`);
  const result = spawnSync(step.command, step.args, {
    stdio: 'inherit',
    // The e2e server must use the embedded database even when DATABASE_URL is set for integration runs.
    env: { ...process.env, ...step.env, E2E_DATA_DIR: e2eDataDir },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${step.name} failed after ${seconds} s`);
    rmSync(e2eDataDir, { recursive: true, force: true });
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${step.name} (${seconds} s)`);
}
rmSync(e2eDataDir, { recursive: true, force: true });
