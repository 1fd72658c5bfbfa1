/**
 * `npm run audit:verify`: checks the audit trail's hash chain end to end on the configured
 * database (DATABASE_URL, else the embedded one — stop the server first: PGlite allows one
 * process per data folder), then the anchors written outside the database (lib/audit/anchor.ts),
 * which catch deleted newest rows and a recomputed chain, and writes a new anchor for the head.
 * Exits 1 and names the first bad row when the trail was tampered with.
 */
import { openConfiguredDatabase } from '../db/connection';
import { anchorConfigFromEnv, checkAnchors, writeAnchor } from '../lib/audit/anchor';
import { verifyAuditChain } from '../lib/audit/chain';

async function main() {
  const handle = openConfiguredDatabase();
  try {
    const started = Date.now();
    const report = await verifyAuditChain(handle.db);
    if (report.problem) {
      console.error(`audit:verify FAILED at row ${report.firstBadId}: ${report.problem} (${report.rows} rows read)`);
      process.exitCode = 1;
      return;
    }
    const anchorConfig = anchorConfigFromEnv();
    if (!anchorConfig) {
      console.log(`audit:verify ok: ${report.rows} rows, chain intact (${Date.now() - started} ms); no anchor key (AUDIT_ANCHOR_KEY or AUTH_SECRET), so deleted newest rows or a recomputed chain would not show`);
      return;
    }
    const anchors = await checkAnchors(handle.db, anchorConfig);
    if (anchors.problem) {
      console.error(`audit:verify FAILED: ${anchors.problem} (${anchors.anchors} anchors in ${anchorConfig.file})`);
      process.exitCode = 1;
      return;
    }
    const written = await writeAnchor(handle.db, anchorConfig);
    console.log(
      `audit:verify ok: ${report.rows} rows, chain intact, ${anchors.anchors} anchors hold; head ${written ? `row ${written.id}` : '(empty trail)'} anchored in ${anchorConfig.file} (${Date.now() - started} ms)`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`audit:verify could not run: ${(error as Error).message}`);
  process.exit(2);
});
