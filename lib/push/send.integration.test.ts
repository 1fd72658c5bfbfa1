import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connection';
import { createCareTeam, createUser } from '@/db/factories';
import { notificationDeliveries, pushSubscriptions } from '@/db/schema';
import { deliverQueued } from '@/lib/notifications/deliver';
import { notify } from '@/lib/notifications/notify';
import { pushChannel } from './channel';
import { emailChannel } from '@/lib/notifications/channels';
import { createTestDatabase } from '@/db/testing';
import { PUSH_FAILURES_BEFORE_RETIRING, sendPushToUser } from './send';
import { startTestPushService, type TestPushService } from './test-push-service';
import { vapidDetails } from './vapid';

let handle: DatabaseHandle;
let service: TestPushService;

beforeAll(async () => {
  handle = await createTestDatabase();
  service = await startTestPushService();
});

afterAll(async () => {
  await service.close();
  await handle.close();
});

async function subscribed(userId: string, name: string) {
  const subscription = service.subscribe(name);
  const [row] = await handle.db
    .insert(pushSubscriptions)
    .values({ userId, endpoint: subscription.endpoint, p256dh: subscription.keys.p256dh, auth: subscription.keys.auth })
    .returning();
  return { subscription, row: row! };
}

describe('Web Push delivery', () => {
  it('posts an encrypted payload that decrypts, with the subscription’s keys, to a generic title and a link only', async () => {
    const team = await createCareTeam(handle.db);
    const { subscription } = await subscribed(team.patient.id, 'patient-phone');
    const before = service.received.length;
    const outcome = await sendPushToUser(handle.db, team.patient.id, { title: `You have a new reminder from ${team.clinic.name}`, href: '/patient' });
    expect(outcome).toEqual({ sent: 1, retired: 0, failed: 0 });
    const push = service.received[before]!;
    expect(push.path).toBe('/push/patient-phone');
    expect(push.headers['content-encoding']).toBe('aes128gcm');
    // Signed with the server's VAPID key, which the database keeps.
    const vapid = await vapidDetails(handle.db);
    expect(String(push.headers.authorization)).toContain(`k=${vapid.publicKey}`);
    // The push service sees ciphertext only.
    expect(push.body.toString('latin1')).not.toContain('reminder');
    const payload = JSON.parse(subscription.decrypt(push.body)) as Record<string, unknown>;
    expect(payload).toEqual({ title: `You have a new reminder from ${team.clinic.name}`, href: '/patient' });
    // Nothing about the person or their care: no name, email, episode or condition.
    const text = JSON.stringify(payload);
    for (const secret of [team.patient.name, team.patient.email, team.episode.id, team.episode.condition, 'pain']) expect(text).not.toContain(secret);
  });

  it('keeps one VAPID key pair for the database, whoever asks', async () => {
    const first = await vapidDetails(handle.db);
    const again = await vapidDetails(handle.db);
    expect(again.publicKey).toBe(first.publicKey);
    expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
  });

  it('takes the keys from the environment when they are set there', async () => {
    const env = { VAPID_PUBLIC_KEY: 'BPublic', VAPID_PRIVATE_KEY: 'private', VAPID_SUBJECT: 'mailto:ops@clinic.example' };
    await expect(vapidDetails(handle.db, env)).resolves.toEqual({ subject: 'mailto:ops@clinic.example', publicKey: 'BPublic', privateKey: 'private' });
    expect(() => vapidDetails(handle.db, { VAPID_PUBLIC_KEY: 'BPublic' })).toThrow(/both/);
  });

  it('retires a subscription the push service says is gone (410), and sends nothing to it again', async () => {
    const patient = (await createCareTeam(handle.db)).patient;
    const { row } = await subscribed(patient.id, 'gone');
    service.respondWith(410);
    try {
      expect(await sendPushToUser(handle.db, patient.id, { title: 'Reminder', href: '/patient' })).toEqual({ sent: 0, retired: 1, failed: 0 });
    } finally {
      service.respondWith(201);
    }
    const [after] = await handle.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, row.id));
    expect(after!.retiredAt).not.toBeNull();
    const before = service.received.length;
    expect(await sendPushToUser(handle.db, patient.id, { title: 'Reminder', href: '/patient' })).toEqual({ sent: 0, retired: 0, failed: 0 });
    expect(service.received.length).toBe(before);
  });

  it('counts other failures and retires the subscription after repeated ones', async () => {
    const team = await createCareTeam(handle.db);
    const other = await createUser(handle.db, team.clinic.id, 'patient');
    const { row } = await subscribed(team.patient.id, 'flaky');
    await subscribed(other.id, 'someone-else');
    service.respondWith(500);
    try {
      for (let attempt = 1; attempt < PUSH_FAILURES_BEFORE_RETIRING; attempt++) {
        expect(await sendPushToUser(handle.db, team.patient.id, { title: 'Reminder', href: '/patient' })).toEqual({ sent: 0, retired: 0, failed: 1 });
      }
      expect(await sendPushToUser(handle.db, team.patient.id, { title: 'Reminder', href: '/patient' })).toEqual({ sent: 0, retired: 1, failed: 0 });
    } finally {
      service.respondWith(201);
    }
    const [after] = await handle.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, row.id));
    expect(after!.failures).toBe(PUSH_FAILURES_BEFORE_RETIRING);
    // Another person's device was never touched.
    const [untouched] = await handle.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, other.id));
    expect(untouched!.failures).toBe(0);
  });

  it('refuses a link that leaves the portal', async () => {
    const patient = (await createCareTeam(handle.db)).patient;
    await expect(sendPushToUser(handle.db, patient.id, { title: 'Reminder', href: 'https://evil.example/' })).rejects.toThrow(/inside the portal/);
    await expect(sendPushToUser(handle.db, patient.id, { title: 'Reminder', href: '//evil.example/' })).rejects.toThrow(/inside the portal/);
  });

  it('is the push channel of notification delivery: a queued push reaches the device; one whose devices are all gone by then fails for good, not retried', async () => {
    const team = await createCareTeam(handle.db);
    const { subscription } = await subscribed(team.clinician.id, 'clinician-laptop');
    const channels = { email: emailChannel({ smtp: null, siteUrl: null }), push: pushChannel(handle.db) };
    const sent = await notify(handle.db, { userId: team.clinician.id, kind: 'alert-urgent', title: `You have an urgent alert to review at ${team.clinic.name}`, href: '/clinician/alerts', dedupeKey: `test:${team.clinician.id}`, channels: ['push'] });
    // Queued while the patient had a device, which they then removed before it was sent.
    await subscribed(team.patient.id, 'patient-phone-removed');
    const nobody = await notify(handle.db, { userId: team.patient.id, kind: 'reminder-nudge', title: 'You have a new reminder', href: '/patient', dedupeKey: `test:${team.patient.id}`, channels: ['push'] });
    await handle.db.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, team.patient.id));
    const before = service.received.length;
    await deliverQueued(handle.db, { channels });
    const push = service.received.slice(before).find((received) => received.path === '/push/clinician-laptop')!;
    expect(JSON.parse(subscription.decrypt(push.body))).toEqual({ title: `You have an urgent alert to review at ${team.clinic.name}`, href: '/clinician/alerts' });
    const [delivered] = await handle.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, sent.status === 'created' ? sent.notificationId! : ''));
    expect(delivered!.status).toBe('sent');
    const [undeliverable] = await handle.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, nobody.status === 'created' ? nobody.notificationId! : ''));
    expect(undeliverable).toMatchObject({ status: 'failed', lastErrorCode: 'push-no-device' });
  });

  it('a device retired after the push was queued: the delivery fails for good (push-gone), not retried', async () => {
    const team = await createCareTeam(handle.db);
    await subscribed(team.patient.id, 'retiring');
    const queued = await notify(handle.db, { userId: team.patient.id, kind: 'reminder-nudge', title: 'You have a new reminder', href: '/patient', dedupeKey: `test:gone:${team.patient.id}`, channels: ['push'] });
    service.respondWith(410);
    try {
      await deliverQueued(handle.db, { channels: { email: emailChannel({ smtp: null, siteUrl: null }), push: pushChannel(handle.db) } });
    } finally {
      service.respondWith(201);
    }
    const [delivery] = await handle.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, queued.status === 'created' ? queued.notificationId! : ''));
    expect(delivery).toMatchObject({ status: 'failed', lastErrorCode: 'push-gone' });
  });
});
