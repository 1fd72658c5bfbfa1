/**
 * Escalates open alerts left unacknowledged past the clinic's window to its safety lead (docs/CLINICAL.md,
 * "Escalation"). Part of the scheduled evaluation (`npm run alerts:evaluate`).
 * No `server-only` marker: the evaluation script and the demo seed call it with their own executor. It performs no
 * authorization: it acts for the clinic, as the system.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/connection';
import { executeRows } from '@/db/rows';
import { alertEscalations } from '@/db/schema';
import {
  ESCALATING_URGENCIES,
  ESCALATION_WINDOW_LIMITS,
  escalationWindowMinutes,
  isEscalationDue,
  type AlertUrgency,
  type EscalationWindows,
} from '@/lib/clinical/escalation';
import { recordAudit } from '@/lib/audit/record';

type Candidate = {
  alert_id: string;
  urgency: AlertUrgency;
  raised_at: string | Date;
  clinic_id: string;
  patient_id: string;
  safety_lead_id: string | null;
  emergency: number;
  same_day: number;
  review: number;
};

export type EscalationSummary = { checked: number; escalated: number; withoutLead: number };

/**
 * Records an escalation for every open alert whose window has passed and that has none yet, with an
 * audit row for each, on `executor`. Run it in a transaction: the escalation rows (the outbox a
 * notifications runner delivers from) and their audit rows then commit together or not at all, and a
 * restart after the commit loses nothing. The unique alert id makes a second run, or two at once,
 * escalate each alert once.
 */
export async function escalateUnacknowledgedAlerts(executor: Db | Tx, options: { now?: Date } = {}): Promise<EscalationSummary> {
  const now = options.now ?? new Date();
  // Only alerts old enough to pass the shortest window any clinic may set are loaded; the rule itself
  // (isEscalationDue) then decides with each clinic's own windows.
  const oldest = new Date(now.getTime() - ESCALATION_WINDOW_LIMITS.min * 60_000);
  const candidates = await executeRows<Candidate>(
    executor,
    sql`select a.id as alert_id, a.urgency, a.raised_at, e.clinic_id, e.patient_id, c.safety_lead_id,
          c.escalate_emergency_minutes as emergency, c.escalate_same_day_minutes as same_day, c.escalate_review_minutes as review
        from alerts a
        join episodes e on e.id = a.episode_id
        join clinics c on c.id = e.clinic_id
        where a.acknowledged_at is null and a.resolved_at is null
          and a.urgency in (${sql.join(ESCALATING_URGENCIES.map((urgency) => sql`${urgency}`), sql`, `)})
          and a.raised_at <= ${oldest.toISOString()}::timestamptz
          and not exists (select 1 from alert_escalations x where x.alert_id = a.id)
        order by a.raised_at`,
  );
  const summary: EscalationSummary = { checked: candidates.length, escalated: 0, withoutLead: 0 };
  for (const row of candidates) {
    const windows: EscalationWindows = { emergency: row.emergency, 'same-day': row.same_day, '24h': row.review };
    const alert = { urgency: row.urgency, raisedAt: new Date(row.raised_at), acknowledgedAt: null, resolvedAt: null };
    if (!isEscalationDue(alert, now, windows)) continue;
    const windowMinutes = escalationWindowMinutes(row.urgency, windows)!;
    const inserted = await executor
      .insert(alertEscalations)
      .values({
        alertId: row.alert_id,
        clinicId: row.clinic_id,
        escalatedTo: row.safety_lead_id,
        urgency: row.urgency,
        windowMinutes,
        escalatedAt: now,
      })
      .onConflictDoNothing({ target: alertEscalations.alertId })
      .returning({ id: alertEscalations.id });
    if (inserted.length === 0) continue;
    summary.escalated += 1;
    if (row.safety_lead_id === null) summary.withoutLead += 1;
    await recordAudit(executor, {
      action: 'alert.escalate',
      outcome: 'success',
      actorRole: 'system',
      clinicId: row.clinic_id,
      patientId: row.patient_id,
      resourceType: 'alert',
      resourceId: row.alert_id,
      detail: { urgency: row.urgency, windowMinutes, escalatedTo: row.safety_lead_id },
    });
  }
  return summary;
}
