/**
 * `npm run audit:verify`: checks the audit trail's hash chain end to end on the configured
 * database (DATABASE_URL, else the embedded one — stop the server first: PGlite allows one
 * process per data folder). Exits 1 and names the first bad row when the trail was tampered with.
 */
import { openConfiguredDatabase } from '../db/connection';
import { verifyAuditChain } from '../lib/dal/audit-chain';

async function main() {
  const handle = openConfiguredDatabase();
  try {
    const started = Date.now();
    const report = await verifyAuditChain(handle.db);
    if (report.problem) {
      console.error(`audit:verify FAILED at row ${report.firstBadId}: ${report.problem} (${report.rows} rows read)`);
      process.exitCode = 1;
    } else {
      console.log(`audit:verify ok: ${report.rows} rows, chain intact (${Date.now() - started} ms)`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`audit:verify could not run: ${(error as Error).message}`);
  process.exit(2);
});
