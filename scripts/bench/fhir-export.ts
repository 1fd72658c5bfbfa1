/**
 * The bench's timed whole-clinic FHIR export: `npm run fhir:export` run as its own process on the generated
 * clinic (the command a clinic runs, timed from start to the renamed folder), with its size and peak memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type FhirExportTiming = { seconds: number; resources: number; sizeMb: number; peakMb: number | null } | { error: string };

export function timeFhirExport(clinicName: string, env: Record<string, string>): FhirExportTiming {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'uplift-bench-fhir-'));
  const directory = path.join(parent, 'export');
  try {
    const started = process.hrtime.bigint();
    const result = spawnSync(
      path.join('node_modules', '.bin', 'tsx'),
      ['--conditions=react-server', 'scripts/fhir-export.ts', directory, '--clinic', clinicName],
      { env: { ...process.env, ...env, UPLIFT_REPORT_PEAK_MEMORY: '1' }, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status !== 0) return { error: (result.stderr || result.stdout || `exit ${result.status}`).trim().slice(-500) };
    const manifest = JSON.parse(readFileSync(path.join(directory, 'manifest.json'), 'utf8')) as { output: { count: number }[] };
    const bytes = readdirSync(directory).reduce((sum, name) => sum + statSync(path.join(directory, name)).size, 0);
    const peak = /peak memory (\d+) MB/.exec(result.stdout)?.[1];
    return {
      seconds,
      resources: manifest.output.reduce((sum, output) => sum + output.count, 0),
      sizeMb: Math.round(bytes / 1024 / 1024),
      peakMb: peak ? Number(peak) : null,
    };
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}
