import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createUser, signInAs } from '@/db/factories';
import { alertEscalations, alerts, auditEvents, clinics } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import type { AlertUrgency } from '@/lib/clinical/escalation';
import { isAppError } from '@/lib/errors';
import { raiseAlert } from './internal/alert-engine';
import { acknowledgeAlert, countOpenAlerts } from './alerts';
import { markAway } from './cover';
import { escalateUnacknowledgedAlerts } from './internal/escalation-engine';
import { getSafetySettings, listEscalatedAlerts, updateSafetySettings } from './escalations';
import { getPatientRecord } from './patient-record';

const db = setupTestDatabase();

// The clock these tests control: every alert is raised at T0 and the evaluation runs at T0 + minutes.
const T0 = new Date('2026-11-02T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** A clinic whose safety lead is a second clinician, with one patient under the first. */
async function clinicWithLead(options: { lead?: boolean } = {}) {
  const team = await createCareTeam(db());
  const lead = await createUser(db(), team.clinic.id, 'clinician');
  if (options.lead !== false) await db().update(clinics).set({ safetyLeadId: lead.id }).where(eq(clinics.id, team.clinic.id));
  return { ...team, lead };
}

async function raise(episodeId: string, urgency: AlertUrgency, reason: 'red-flag' | 'worsening' | 'inactive' = 'red-flag') {
  await raiseAlert(db(), { episodeId, reason, urgency, message: `Alert ${urgency}.`, raisedAt: T0 });
  const [row] = await db().select({ id: alerts.id }).from(alerts).where(and(eq(alerts.episodeId, episodeId), eq(alerts.reason, reason)));
  return row!.id;
}

/** The evaluation as the script runs it: in one transaction. */
const evaluate = (minutes: number) => db().transaction((tx) => escalateUnacknowledgedAlerts(tx, { now: at(minutes) }));

const escalationsOf = (alertIds: string[]) => db().select().from(alertEscalations).where(inArray(alertEscalations.alertId, alertIds));

describe('escalateUnacknowledgedAlerts', () => {
  it.each([
    ['emergency', 60],
    ['same-day', 240],
    ['24h', 1440],
  ] as const)('escalates an unacknowledged %s alert to the safety lead after %i minutes, not before', async (urgency, minutes) => {
    const team = await clinicWithLead();
    const alertId = await raise(team.episode.id, urgency);
    await evaluate(minutes - 1);
    expect(await escalationsOf([alertId])).toEqual([]);
    await evaluate(minutes);
    expect(await escalationsOf([alertId])).toEqual([
      expect.objectContaining({ clinicId: team.clinic.id, escalatedTo: team.lead.id, urgency, windowMinutes: minutes, escalatedAt: at(minutes), notifiedAt: null }),
    ]);
    const [audit] = await db().select().from(auditEvents).where(and(eq(auditEvents.resourceId, alertId), eq(auditEvents.action, 'alert.escalate')));
    expect(audit).toMatchObject({ actorRole: 'system', patientId: team.patient.id, clinicId: team.clinic.id, detail: { urgency, windowMinutes: minutes, escalatedTo: team.lead.id } });
  });

  it('never escalates a routine alert, or one acknowledged or resolved in time', async () => {
    const team = await clinicWithLead();
    const routine = await raise(team.episode.id, 'routine', 'inactive');
    const acknowledged = await raise(team.episode.id, 'emergency', 'red-flag');
    const resolved = await raise(team.episode.id, 'same-day', 'worsening');
    await db().update(alerts).set({ acknowledgedAt: at(30), acknowledgedBy: team.clinician.id }).where(eq(alerts.id, acknowledged));
    await db().update(alerts).set({ resolvedAt: at(30) }).where(eq(alerts.id, resolved));
    await evaluate(10_000);
    expect(await escalationsOf([routine, acknowledged, resolved])).toEqual([]);
  });

  it('escalates once however often it runs, and records one audit row', async () => {
    const team = await clinicWithLead();
    const alertId = await raise(team.episode.id, 'emergency');
    await evaluate(61);
    await evaluate(62);
    await Promise.all([evaluate(63), evaluate(64)]);
    expect(await escalationsOf([alertId])).toHaveLength(1);
    expect((await escalationsOf([alertId]))[0]!.escalatedAt).toEqual(at(61));
    const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.resourceId, alertId), eq(auditEvents.action, 'alert.escalate')));
    expect(audits).toHaveLength(1);
  });

  it('leaves nothing behind when the transaction that decided fails', async () => {
    const team = await clinicWithLead();
    const alertId = await raise(team.episode.id, 'emergency');
    await expect(
      db().transaction(async (tx) => {
        await escalateUnacknowledgedAlerts(tx, { now: at(90) });
        throw new Error('server stopped before commit');
      }),
    ).rejects.toThrow('server stopped');
    expect(await escalationsOf([alertId])).toEqual([]);
    expect(await db().select().from(auditEvents).where(and(eq(auditEvents.resourceId, alertId), eq(auditEvents.action, 'alert.escalate')))).toEqual([]);
    // The next run escalates it: nothing was lost.
    await evaluate(91);
    expect(await escalationsOf([alertId])).toHaveLength(1);
  });

  it('uses the clinic’s own windows', async () => {
    const team = await clinicWithLead();
    await db().update(clinics).set({ escalateEmergencyMinutes: 15, escalateSameDayMinutes: 60, escalateReviewMinutes: 120 }).where(eq(clinics.id, team.clinic.id));
    const emergency = await raise(team.episode.id, 'emergency', 'red-flag');
    const sameDay = await raise(team.episode.id, 'same-day', 'worsening');
    await evaluate(59);
    expect((await escalationsOf([emergency, sameDay])).map((row) => [row.alertId, row.windowMinutes])).toEqual([[emergency, 15]]);
  });

  it('goes with its alert when a record is purged at the end of retention (lib/dal/internal/retention-purge.ts)', async () => {
    const team = await clinicWithLead();
    const alertId = await raise(team.episode.id, 'emergency');
    await evaluate(60);
    expect(await escalationsOf([alertId])).toHaveLength(1);
    await db().delete(alerts).where(eq(alerts.id, alertId));
    expect(await escalationsOf([alertId])).toEqual([]);
  });

  it('records an escalation even when the clinic has no safety lead; the lead named later sees it', async () => {
    const team = await clinicWithLead({ lead: false });
    const alertId = await raise(team.episode.id, 'emergency');
    const summary = await evaluate(60);
    expect(summary.withoutLead).toBeGreaterThanOrEqual(1);
    expect(await escalationsOf([alertId])).toEqual([expect.objectContaining({ escalatedTo: null })]);
    await signInAs(db(), team.lead.id);
    expect(await listEscalatedAlerts()).toEqual([]);
    await db().update(clinics).set({ safetyLeadId: team.lead.id }).where(eq(clinics.id, team.clinic.id));
    expect((await listEscalatedAlerts()).map((alert) => alert.id)).toEqual([alertId]);
  });
});

describe('the safety lead', () => {
  async function escalated() {
    const team = await clinicWithLead();
    const alertId = await raise(team.episode.id, 'emergency');
    await evaluate(60);
    return { ...team, alertId };
  }

  it('sees the escalated alert and opens that patient’s record for it, each view audited as an escalation access', async () => {
    const team = await escalated();
    await signInAs(db(), team.lead.id);
    const list = await listEscalatedAlerts();
    expect(list).toEqual([expect.objectContaining({ id: team.alertId, episodeId: team.episode.id, patientName: team.patient.name, clinicianName: team.clinician.name, windowMinutes: 60 })]);
    expect(await countOpenAlerts()).toBe(1);
    // Not their patient: the ordinary path stays closed.
    expect(await getPatientRecord(team.episode.id)).toBeNull();
    const record = await getPatientRecord(team.episode.id, new Date(), team.alertId);
    expect(record?.header.openAlerts.map((alert) => alert.id)).toEqual([team.alertId]);
    const [read] = await db().select().from(auditEvents).where(and(eq(auditEvents.actorId, team.lead.id), eq(auditEvents.action, 'clinician.record.escalation-read')));
    expect(read).toMatchObject({ outcome: 'success', patientId: team.patient.id, resourceId: team.episode.id, detail: { alertId: team.alertId } });

    expect(await acknowledgeAlert(team.alertId, 'Called the patient.')).toBe('acknowledged');
    const [ack] = await db().select().from(auditEvents).where(and(eq(auditEvents.resourceId, team.alertId), eq(auditEvents.action, 'clinician.alert.acknowledge')));
    expect(ack).toMatchObject({ actorId: team.lead.id, detail: { asSafetyLead: true } });
    // Once acknowledged, the escalation no longer opens the record.
    expect(await getPatientRecord(team.episode.id, new Date(), team.alertId)).toBeNull();
    expect(await listEscalatedAlerts()).toEqual([]);
  });

  it('cannot be used by other clinicians, managers, another clinic’s lead, or for an alert not escalated or on another episode', async () => {
    const team = await escalated();
    const bystander = await createUser(db(), team.clinic.id, 'clinician');
    const other = await escalated();
    const notEscalated = await raise(team.episode.id, 'same-day', 'worsening');
    const secondPatient = await createUser(db(), team.clinic.id, 'patient');
    const secondEpisode = await createEpisode(db(), { clinicId: team.clinic.id, patientId: secondPatient.id, clinicianId: team.clinician.id });

    await signInAs(db(), bystander.id);
    expect(await listEscalatedAlerts()).toEqual([]);
    expect(await countOpenAlerts()).toBe(0);
    expect(await getPatientRecord(team.episode.id, new Date(), team.alertId)).toBeNull();
    expect(await acknowledgeAlert(team.alertId, null)).toBe('not-found');

    await signInAs(db(), other.lead.id);
    expect((await listEscalatedAlerts()).map((alert) => alert.id)).toEqual([other.alertId]);
    expect(await getPatientRecord(team.episode.id, new Date(), team.alertId)).toBeNull();
    expect(await acknowledgeAlert(team.alertId, null)).toBe('not-found');

    await signInAs(db(), team.lead.id);
    expect(await getPatientRecord(team.episode.id, new Date(), notEscalated)).toBeNull();
    expect(await getPatientRecord(secondEpisode.id, new Date(), team.alertId)).toBeNull();
    expect(await acknowledgeAlert(notEscalated, null)).toBe('not-found');

    await signInAs(db(), team.manager.id);
    expect(isAppError(await getPatientRecord(team.episode.id, new Date(), team.alertId).catch((error: unknown) => error), 'forbidden')).toBe(true);
    expect(isAppError(await listEscalatedAlerts().catch((error: unknown) => error), 'forbidden')).toBe(true);

    const [alert] = await db().select().from(alerts).where(eq(alerts.id, team.alertId));
    expect(alert!.acknowledgedAt).toBeNull();
    const refusals = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'clinician.record.escalation-read'), eq(auditEvents.outcome, 'denied'), inArray(auditEvents.actorId, [bystander.id, other.lead.id, team.lead.id])));
    expect(refusals.map((event) => event.actorId)).toEqual([bystander.id, other.lead.id, team.lead.id, team.lead.id]);
  });

  it('passes to the lead’s cover while the lead is away', async () => {
    const team = await escalated();
    const cover = await createUser(db(), team.clinic.id, 'clinician');
    await signInAs(db(), team.lead.id);
    expect(await markAway(team.lead.id, cover.id)).toBe('done');
    await signInAs(db(), cover.id);
    expect((await listEscalatedAlerts()).map((alert) => alert.id)).toEqual([team.alertId]);
    expect((await getPatientRecord(team.episode.id, new Date(), team.alertId))?.header.episodeId).toBe(team.episode.id);
  });
});

describe('safety settings', () => {
  it('lets a manager name an active clinician of the clinic as lead and set the windows, audited', async () => {
    const team = await clinicWithLead({ lead: false });
    await signInAs(db(), team.manager.id);
    expect(await getSafetySettings()).toMatchObject({ safetyLeadId: null, windows: { emergency: 60, 'same-day': 240, '24h': 1440 } });
    const windows = { emergency: 30, 'same-day': 120, '24h': 600 };
    expect(await updateSafetySettings({ safetyLeadId: team.lead.id, windows })).toBe('done');
    expect(await getSafetySettings()).toMatchObject({ safetyLeadId: team.lead.id, windows });
    const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.resourceId, team.clinic.id), eq(auditEvents.action, 'manager.clinic.safety-settings')));
    expect(event).toMatchObject({ actorId: team.manager.id, detail: { safetyLeadId: team.lead.id, windows } });
  });

  it('refuses a lead from another clinic, inactive, or not a clinician, and changes nothing', async () => {
    const team = await clinicWithLead();
    const other = await createCareTeam(db());
    const inactive = await createUser(db(), team.clinic.id, 'clinician', { active: false });
    await signInAs(db(), team.manager.id);
    const windows = { emergency: 30, 'same-day': 120, '24h': 600 };
    for (const candidate of [other.clinician.id, inactive.id, team.manager.id, team.patient.id]) {
      expect(await updateSafetySettings({ safetyLeadId: candidate, windows })).toBe('invalid-lead');
    }
    expect(await getSafetySettings()).toMatchObject({ safetyLeadId: team.lead.id, windows: { emergency: 60, 'same-day': 240, '24h': 1440 } });
    await signInAs(db(), team.lead.id);
    expect(isAppError(await updateSafetySettings({ safetyLeadId: team.lead.id, windows }).catch((error: unknown) => error), 'forbidden')).toBe(true);
  });
});
