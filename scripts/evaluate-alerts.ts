/**
 * `npm run alerts:evaluate`: the scheduled evaluation of the time-based alert rules (inactive, low
 * adherence, questionnaire overdue) for every active episode, then the escalation of alerts left
 * unacknowledged past the clinic's window to its safety lead (docs/CLINICAL.md, "Escalation"). Pain and
 * questionnaire rules run when the data arrives; these depend on time passing, so they need a clock.
 * Run it at least every 15 minutes (the shortest escalation window a clinic may set), e.g. with cron:
 *   0,15,30,45 * * * *  cd /srv/uplift && DATABASE_URL=… npm run --silent alerts:evaluate >> /var/log/uplift-alerts.log 2>&1
 * With the embedded database (no DATABASE_URL) run it only while the server is stopped: PGlite allows
 * one process per data folder.
 */
import { openConfiguredDatabase } from '../db/connection';
import { evaluateTimeBasedAlerts } from '../lib/dal/alert-engine';
import { escalateUnacknowledgedAlerts } from '../lib/dal/escalation-engine';
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
  } catch (error) {
    fail(`the alert evaluation failed (${(error as Error).message}).`);
  } finally {
    await handle.close();
  }
}

void main();
