/**
 * `npm run bench:generate-clinic -- --patients 10000`: fills the configured database (DATABASE_URL, else the
 * embedded one in UPLIFT_DATA_DIR) with a large generated clinic for performance work. Migrates
 * first. With PGlite, run it while no server has the data folder open (one process per folder).
 *
 * Flags: --patients N (default 10000) · --clinicians N (default patients/200) · --seed N
 */
import { parseArgs } from 'node:util';
import { dataDir, openConfiguredDatabase } from '../db/connection';
import { analyzeGenerated, benchAccounts, generateClinic } from './generate/clinic';
import { formatDuration } from './generate/progress';
import { fail, log } from './lib';

if (process.env.NODE_ENV === 'production') {
  fail('refusing to generate test data with NODE_ENV=production. Generated accounts share a published password.');
}

const { values } = parseArgs({
  options: {
    patients: { type: 'string', default: '10000' },
    clinicians: { type: 'string' },
    seed: { type: 'string' },
  },
});

function positiveInteger(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) fail(`--${name} must be a whole number of at least 1 (got "${raw}").`);
  return value;
}

async function main() {
  const patients = positiveInteger('patients', values.patients)!;
  const clinicians = positiveInteger('clinicians', values.clinicians);
  const seed = positiveInteger('seed', values.seed);
  const handle = openConfiguredDatabase();
  log(handle.kind === 'pglite' ? `embedded database in ${dataDir()}` : 'PostgreSQL from DATABASE_URL');
  try {
    await handle.migrate();
    const summary = await generateClinic(handle.db, { patients, clinicians, seed });
    const analyzeStarted = Date.now();
    await analyzeGenerated(handle.db);
    log(`${summary.clinicName}: ${summary.totalRows.toLocaleString('en-GB')} rows in ${formatDuration(summary.seconds * 1000)} (vacuum and analyze ${formatDuration(Date.now() - analyzeStarted)})`);
    for (const [table, count] of Object.entries(summary.rows)) log(`  ${table.padEnd(24)} ${count.toLocaleString('en-GB').padStart(12)}`);
    const accounts = benchAccounts(patients);
    log(`sign in as ${accounts.clinician} (${summary.benchCaseload} active patients), ${accounts.patient} or ${accounts.manager}; password ${accounts.password}`);
  } catch (error) {
    fail((error as Error).message);
  } finally {
    await handle.close();
  }
}

void main();
