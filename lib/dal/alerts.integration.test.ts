import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createUser, signInAs } from '@/db/factories';
import { alerts, auditEvents } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { raiseAlert } from './internal/alert-engine';
import { acknowledgeAlert, countOpenAlerts, listAlerts } from './alerts';

const db = setupTestDatabase();

async function teamWithAlerts() {
  const team = await createCareTeam(db());
  await raiseAlert(db(), { episodeId: team.episode.id, reason: 'inactive', urgency: 'routine', message: 'Quiet.', raisedAt: new Date(Date.now() - 3_600_000) });
  await raiseAlert(db(), { episodeId: team.episode.id, reason: 'worsening', urgency: 'same-day', message: 'Worse.', detail: { baseline: 4, lastThree: [6, 6, 7] } });
  await raiseAlert(db(), { episodeId: team.episode.id, reason: 'red-flag', urgency: '24h', message: 'Night pain.' });
  const [open] = await db().select({ id: alerts.id }).from(alerts).where(eq(alerts.episodeId, team.episode.id)).orderBy(desc(alerts.raisedAt)).limit(1);
  return { ...team, alertId: open!.id };
}

describe('listAlerts and countOpenAlerts', () => {
  it('lists open alerts red flags first, then by urgency, with the triggering data', async () => {
    const { clinician } = await teamWithAlerts();
    await signInAs(db(), clinician.id);
    const { open, closed } = await listAlerts();
    expect(open.map((alert) => alert.reason)).toEqual(['red-flag', 'worsening', 'inactive']);
    expect(open[1]!.detail).toEqual({ baseline: 4, lastThree: [6, 6, 7] });
    expect(closed).toEqual([]);
    expect(await countOpenAlerts()).toBe(3);
  });

  it('lists the 10 most recently closed alerts unless asked for more, up to 50', async () => {
    const { clinician, episode } = await createCareTeam(db());
    const start = Date.now() - 20 * 3_600_000;
    for (let index = 0; index < 12; index += 1) {
      await raiseAlert(db(), { episodeId: episode.id, reason: 'inactive', urgency: 'routine', message: `Quiet ${index}.`, raisedAt: new Date(start + index * 3_600_000) });
      await db().update(alerts).set({ resolvedAt: new Date(start + index * 3_600_000 + 60_000) }).where(eq(alerts.message, `Quiet ${index}.`));
    }
    await signInAs(db(), clinician.id);
    const shown = (await listAlerts()).closed.map((alert) => alert.message);
    expect(shown).toEqual(Array.from({ length: 10 }, (_, index) => `Quiet ${11 - index}.`));
    expect((await listAlerts({ closedLimit: 50 })).closed).toHaveLength(12);
    expect((await listAlerts({ closedLimit: 500 })).closed).toHaveLength(12);
    expect((await listAlerts({ closedLimit: 0 })).closed).toEqual([]);
  });

  it('shows the most urgent open alerts first when asked for fewer, with how many are open in all', async () => {
    const { clinician } = await teamWithAlerts();
    await signInAs(db(), clinician.id);
    const firstTwo = await listAlerts({ openLimit: 2 });
    expect(firstTwo.open.map((alert) => alert.reason)).toEqual(['red-flag', 'worsening']);
    expect(firstTwo.openTotal).toBe(3);
    const all = await listAlerts({ openLimit: 3 });
    expect([all.open.length, all.openTotal]).toEqual([3, 3]);
    expect((await listAlerts()).openTotal).toBe(3);
  });

  it('shows another clinician nothing', async () => {
    const { clinic } = await teamWithAlerts();
    const other = await createUser(db(), clinic.id, 'clinician');
    await signInAs(db(), other.id);
    expect(await listAlerts()).toEqual({ open: [], openTotal: 0, closed: [] });
    expect(await countOpenAlerts()).toBe(0);
  });

  it('refuses patients', async () => {
    const { patient } = await teamWithAlerts();
    await signInAs(db(), patient.id);
    await expect(listAlerts()).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
  });
});

describe('acknowledgeAlert', () => {
  it('keeps who, when and the comment, and audits it', async () => {
    const { clinician, episode, patient } = await teamWithAlerts();
    await signInAs(db(), clinician.id);
    const { open } = await listAlerts();
    const redFlag = open[0]!;
    expect(await acknowledgeAlert(redFlag.id, 'Phoned the patient; GP same day.')).toBe('acknowledged');
    const [row] = await db().select().from(alerts).where(eq(alerts.id, redFlag.id));
    expect(row).toMatchObject({ acknowledgedBy: clinician.id, acknowledgeComment: 'Phoned the patient; GP same day.', resolvedAt: null });
    expect(row!.acknowledgedAt).toBeInstanceOf(Date);
    expect(await acknowledgeAlert(redFlag.id, null)).toBe('already-closed');
    const after = await listAlerts();
    expect(after.closed.map((alert) => alert.id)).toEqual([redFlag.id]);
    expect(after.closed[0]!.acknowledgedByName).toBe(clinician.name);
    const [audit] = await db().select().from(auditEvents).where(eq(auditEvents.action, 'clinician.alert.acknowledge')).orderBy(desc(auditEvents.id)).limit(1);
    expect(audit).toMatchObject({ actorId: clinician.id, patientId: patient.id, resourceId: redFlag.id });
    expect(episode.id).toBe(redFlag.episodeId);
  });

  it('refuses another clinician, writes nothing and audits the refusal', async () => {
    const { clinic, alertId } = await teamWithAlerts();
    const other = await createUser(db(), clinic.id, 'clinician');
    await signInAs(db(), other.id);
    expect(await acknowledgeAlert(alertId, 'Not mine')).toBe('not-found');
    const [row] = await db().select({ acknowledgedAt: alerts.acknowledgedAt }).from(alerts).where(eq(alerts.id, alertId));
    expect(row!.acknowledgedAt).toBeNull();
    const [audit] = await db().select().from(auditEvents).where(eq(auditEvents.actorId, other.id)).orderBy(desc(auditEvents.id)).limit(1);
    expect(audit).toMatchObject({ action: 'clinician.alert.acknowledge', outcome: 'denied' });
    expect(await acknowledgeAlert('not-a-uuid', null)).toBe('not-found');
  });
});
