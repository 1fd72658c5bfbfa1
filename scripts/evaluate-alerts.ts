/**
 * `npm run alerts:evaluate`: the scheduled evaluation of everything that depends on time passing:
 * the time-based alert rules (inactive, low adherence, questionnaire overdue) for every active
 * episode, the escalation of alerts left unacknowledged past the clinic's window to its safety lead
 * (docs/CLINICAL.md, "Escalation and cover"), and the purge of closed patient records whose retention period
 * has ended (lib/dal/internal/retention-purge.ts), now. Every server process already runs all three on a
 * schedule (lib/jobs/kinds.ts); this is for operators. With the embedded database (no DATABASE_URL)
 * run it only while the server is stopped: PGlite allows one process per data folder.
 */
import { openConfiguredDatabase } from '../db/connection';
import { evaluateTimeBasedAlerts } from '../lib/dal/internal/alert-engine';
import { anchorConfigFromEnv, writeAnchor } from '../lib/audit/anchor';
import { escalateUnacknowledgedAlerts } from '../lib/dal/internal/escalation-engine';
import { purgeExpiredRecords } from '../lib/dal/internal/retention-purge';
import { notifyPendingEscalations } from '../lib/notifications/staff';
import { fail, log } from './lib';

async function main() {
  const handle = openConfiguredDatabase();
  try {
    const started = Date.now();
    const summary = await handle.db.transaction((tx) => evaluateTimeBasedAlerts(tx));
    const raised = Object.entries(summary.raised).map(([reason, count]) => `${reason} ${count}`).join(', ') || 'none';
    log(`alerts evaluated for ${summary.episodes} active episodes in ${Date.now() - started} ms; raised: ${raised}; resolved: ${summary.resolved}`);
    // Its own transaction: each escalation, its outbox row and its audit row commit together, and a
    // failure here leaves the alerts just raised in place.
    const escalation = await handle.db.transaction((tx) => escalateUnacknowledgedAlerts(tx));
    log(
      `escalated to the safety lead: ${escalation.escalated}` +
        (escalation.withoutLead > 0 ? `; ${escalation.withoutLead} in clinics with no safety lead named (Manager → Settings)` : ''),
    );
    // The safety lead is told of each new escalation (in app; email and push go with the server's delivery job).
    const told = await notifyPendingEscalations(handle.db);
    log(`escalations notified to the safety lead: ${told.notified}`);
    const purge = await purgeExpiredRecords(handle.db);
    log(`closed records past their retention period: ${purge.purged} purged${purge.failed ? `, ${purge.failed} failed (kept whole; retried on the next run)` : ''}`);
    // The audit chain's head, written out hourly: a later audit:verify catches rows deleted or rehashed before it.
    const anchorConfig = anchorConfigFromEnv();
    const anchor = anchorConfig ? await writeAnchor(handle.db, anchorConfig) : null;
    if (anchor) log(`audit trail head anchored: row ${anchor.id}`);
    if (purge.failed) process.exitCode = 1;
  } catch (error) {
    fail(`the alert evaluation failed (${(error as Error).message}).`);
  } finally {
    await handle.close();
  }
}

void main();
