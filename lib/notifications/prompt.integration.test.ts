import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createCareTeam } from '@/db/factories';
import { alertEscalations, alerts, clinics } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { startTestSmtpServer, type TestSmtpServer } from '@/lib/mail/test-smtp-server';
import { emailChannel, pushNotConfigured, type DeliveryChannels } from './channels';
import { deliverQueued, deliveryWorkWaiting } from './deliver';
import { notify } from './notify';

/**
 * The check the runner makes every few seconds to start the delivery job early, on a database of its
 * own so that no other file's queued deliveries answer for these.
 */
const db = setupTestDatabase();
let server: TestSmtpServer | null = null;

afterAll(async () => {
  await server?.close().catch(() => {});
});

const emailTo = (port: number): DeliveryChannels => ({
  email: emailChannel({ smtp: { url: `smtp://127.0.0.1:${port}`, from: 'uplift@clinic.example' }, siteUrl: 'https://uplift.example', timeoutMs: 3_000 }),
  push: pushNotConfigured,
});
const nothingConfigured: DeliveryChannels = { email: emailChannel({ smtp: null, siteUrl: null }), push: pushNotConfigured };

describe('deliveryWorkWaiting', () => {
  it('is true while an email is due on a channel that can send, and false once it is sent or when nothing can send it', async () => {
    server = await startTestSmtpServer();
    const channels = emailTo(server.port);
    const team = await createCareTeam(db());
    const now = new Date('2031-03-02T09:00:00Z');
    expect(await deliveryWorkWaiting(db(), { now, channels })).toBe(false);

    await notify(db(), { userId: team.clinician.id, kind: 'alert-urgent', title: 'You have a new alert', href: '/clinician/alerts', dedupeKey: 'prompt:email', channels: ['email'], now });
    expect(await deliveryWorkWaiting(db(), { now, channels })).toBe(true);
    // Without SMTP the email stays in the outbox and waking the job would send nothing.
    expect(await deliveryWorkWaiting(db(), { now, channels: nothingConfigured })).toBe(false);

    expect(await deliverQueued(db(), { now, channels })).toMatchObject({ sent: 1 });
    expect(await deliveryWorkWaiting(db(), { now, channels })).toBe(false);
  });

  it('is true for an escalation the safety lead has not been told of, and not for one waiting for a clinic to name a lead', async () => {
    const team = await createCareTeam(db());
    const now = new Date('2031-03-03T09:00:00Z');
    const [alert] = await db()
      .insert(alerts)
      .values({ episodeId: team.episode.id, reason: 'red-flag', urgency: 'same-day', message: 'Red flag answers.', raisedAt: now })
      .returning({ id: alerts.id });
    await db().insert(alertEscalations).values({ alertId: alert!.id, clinicId: team.clinic.id, escalatedTo: null, urgency: 'same-day', windowMinutes: 60, escalatedAt: now });
    await db().update(clinics).set({ safetyLeadId: null }).where(eq(clinics.id, team.clinic.id));
    expect(await deliveryWorkWaiting(db(), { now, channels: nothingConfigured })).toBe(false);

    await db().update(clinics).set({ safetyLeadId: team.clinician.id }).where(eq(clinics.id, team.clinic.id));
    expect(await deliveryWorkWaiting(db(), { now, channels: nothingConfigured })).toBe(true);
  });
});
