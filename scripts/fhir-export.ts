/**
 * `npm run fhir:export -- DIR [--clinic <id or name>]`: the clinic's records as FHIR Bulk Data style NDJSON,
 * one file per resource type plus manifest.json, in DIR (which must not exist or be empty). Files are written
 * into a hidden folder beside DIR and appear under DIR only when the whole export has succeeded.
 * With one clinic in the database --clinic may be left out. Audited as `clinic.fhir-export`.
 */
import { parseArgs } from 'node:util';
import { eq, or, sql } from 'drizzle-orm';
import { openConfiguredDatabase } from '../db/connection';
import { clinics } from '../db/schema';
import { exportClinicToDirectory, ExportTargetNotEmpty } from '../lib/dal/internal/data-export-bulk';

import { log } from './lib';

function fail(message: string): never {
  console.error(`\nfhir:export: ${message}\n`);
  process.exit(1);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function main() {
  const { values, positionals } = parseArgs({ options: { clinic: { type: 'string' } }, allowPositionals: true });
  const directory = positionals[0];
  if (!directory || positionals.length > 1) fail('Usage: npm run fhir:export -- DIR [--clinic <id or name>]');
  const handle = openConfiguredDatabase();
  try {
    const wanted = values.clinic;
    const found = await handle.db
      .select({ id: clinics.id, name: clinics.name })
      .from(clinics)
      .where(wanted ? (UUID.test(wanted) ? or(eq(clinics.id, wanted), eq(clinics.name, wanted)) : eq(clinics.name, wanted)) : sql`true`)
      .limit(2);
    if (found.length === 0) fail(wanted ? `No clinic called "${wanted}".` : 'There is no clinic in this database.');
    if (found.length > 1) fail('There is more than one clinic: name one with --clinic <id or name>.');
    const clinic = found[0]!;
    const started = Date.now();
    log(`Exporting "${clinic.name}" to ${directory} …`);
    const { manifest, directory: written } = await exportClinicToDirectory(handle.db, clinic.id, directory);
    for (const output of manifest.output) log(`  ${output.url.padEnd(32)} ${output.count.toLocaleString('en-GB')}`);
    log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${written}`);
    // For the bench: the peak resident memory shows the export streams rather than holding the clinic.
    if (process.env.UPLIFT_REPORT_PEAK_MEMORY) log(`peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  } catch (error) {
    if (error instanceof ExportTargetNotEmpty) fail(error.message);
    throw error;
  } finally {
    await handle.close();
  }
}

void main();
