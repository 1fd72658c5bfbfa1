/**
 * `npm run deps:check-advisories`: the dependency check CI runs.
 * 1. Installed versions against the advisory floors of scripts/audit-floors.ts (works offline). Any
 *    package below its floor fails the run.
 * 2. `npm audit --omit=dev --audit-level=high`. Any high or critical advisory fails the run. Where the
 *    registry's advisory service cannot be reached (some mirrors answer 405), that is said plainly and
 *    the floors above are what was checked: "could not check" is not "vulnerable", nor "clean".
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ADVISORY_FLOORS, belowFloor, missingFloors } from './audit-floors';

function installedVersion(name: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(path.join('node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}

let failed = false;
const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
for (const name of missingFloors(dependencies)) {
  console.error(`${name} is a production dependency with no advisory floor: add one to scripts/audit-floors.ts.`);
  failed = true;
}
const installed = Object.fromEntries(ADVISORY_FLOORS.map((floor) => [floor.name, installedVersion(floor.name)]));
const findings = belowFloor(installed);
for (const finding of findings) {
  console.error(`${finding.name} ${finding.installed} is below ${finding.minimum}: ${finding.why}. Upgrade it.`);
  failed = true;
}
console.log(
  `advisory floors: ${ADVISORY_FLOORS.map((floor) => `${floor.name} ${installed[floor.name] ?? 'not installed'} (≥ ${floor.minimum})`).join(', ')}${findings.length ? '' : ': all met'}`,
);

const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report: { message?: string; error?: { summary?: string }; metadata?: { vulnerabilities?: Record<string, number> } };
try {
  report = JSON.parse(result.stdout || '{}');
} catch {
  report = {};
}
if (report.error || !report.metadata) {
  console.warn(
    `npm audit could not reach the advisory service here (${report.error?.summary || report.message || 'no report'}); only the advisory floors above were checked.`,
  );
} else {
  const counts = report.metadata.vulnerabilities ?? {};
  console.log(`npm audit (production dependencies): ${JSON.stringify(counts)}`);
  if ((counts.high ?? 0) + (counts.critical ?? 0) > 0) {
    spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high'], { stdio: 'inherit' });
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
