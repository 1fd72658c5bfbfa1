import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createUser, signInAs } from '@/db/factories';
import { alerts, auditEvents, notificationDeliveries, notifications, pushSubscriptions, users } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { notify } from '@/lib/notifications/notify';
import { raiseAlert } from './internal/alert-engine';
import { getDeliveryCounts } from './notification-deliveries';
import { getMyMorningDigest, setMyMorningDigest } from './notification-settings';
import { countMyUnreadNotifications, listMyNotifications, markAllMyNotificationsRead, markMyNotificationRead } from './notifications';
import { raiseRedFlagAlert } from './internal/red-flag-alerts';

const db = setupTestDatabase();

const key = () => `test:${crypto.randomUUID()}`;

/** A live push device for `userId`: notify() queues push only for someone who has one. */
const withDevice = (userId: string) =>
  db().insert(pushSubscriptions).values({ userId, endpoint: `https://push.example/${crypto.randomUUID()}`, p256dh: 'key', auth: 'auth' });

describe('notify()', () => {
  it('records the notification and one queued delivery per channel chosen, once per dedupe key', async () => {
    const team = await createCareTeam(db());
    await withDevice(team.patient.id);
    const dedupeKey = key();
    const input = { userId: team.patient.id, kind: 'reminder', title: 'You have a new reminder', href: '/patient', dedupeKey, channels: ['email', 'push'] as const };
    const first = await notify(db(), { ...input, channels: [...input.channels] });
    expect(first.status).toBe('created');
    // A retried job calls it again with the same key: nothing new.
    const second = await notify(db(), { ...input, channels: [...input.channels] });
    expect(second.status).toBe('duplicate');
    const rows = await db().select().from(notifications).where(eq(notifications.dedupeKey, dedupeKey));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: team.patient.id, clinicId: team.clinic.id, kind: 'reminder', readAt: null });
    const deliveries = await db().select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, rows[0]!.id));
    expect(deliveries.map((row) => row.channel).sort()).toEqual(['email', 'push']);
    expect(deliveries.every((row) => row.status === 'queued' && row.attempts === 0)).toBe(true);
  });

  it('refuses a link to another site, a bad kind and header injection, recording nothing', async () => {
    const team = await createCareTeam(db());
    const base = { userId: team.patient.id, kind: 'reminder', title: 'A reminder', href: '/patient', dedupeKey: key() };
    await expect(notify(db(), { ...base, href: '//evil.example/x' })).rejects.toThrow();
    await expect(notify(db(), { ...base, href: 'https://evil.example/' })).rejects.toThrow();
    await expect(notify(db(), { ...base, kind: 'Bad Kind' })).rejects.toThrow();
    await expect(notify(db(), { ...base, title: 'Line\r\nBcc: x@evil.example' })).rejects.toThrow();
    await expect(notify(db(), { ...base, emailHeaders: { 'List-Unsubscribe': '<https://x>\r\nBcc: y' } })).rejects.toThrow();
    expect(await db().select().from(notifications).where(eq(notifications.dedupeKey, base.dedupeKey))).toHaveLength(0);
  });

  it('queues push only for someone with a live device', async () => {
    const team = await createCareTeam(db());
    const channelsFor = async () => {
      const result = await notify(db(), { userId: team.patient.id, kind: 'reminder', title: 'A reminder', href: '/patient', dedupeKey: key(), channels: ['email', 'push'] });
      const rows = await db().select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, result.status === 'created' ? result.notificationId! : ''));
      return rows.map((row) => row.channel).sort();
    };
    expect(await channelsFor()).toEqual(['email']);
    await withDevice(team.patient.id);
    expect(await channelsFor()).toEqual(['email', 'push']);
    await db().update(pushSubscriptions).set({ retiredAt: new Date() }).where(eq(pushSubscriptions.userId, team.patient.id));
    expect(await channelsFor()).toEqual(['email']);
  });

  it('keeps the caller’s unsubscribe headers on the email delivery only', async () => {
    const team = await createCareTeam(db());
    await withDevice(team.patient.id);
    const headers = { 'List-Unsubscribe': '<https://uplift.example/unsubscribe/abc>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
    const result = await notify(db(), { userId: team.patient.id, kind: 'reminder', title: 'A reminder', href: '/patient', dedupeKey: key(), channels: ['email', 'push'], emailHeaders: headers });
    const rows = await db().select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, result.status === 'created' ? result.notificationId! : ''));
    expect(rows.find((row) => row.channel === 'email')!.headers).toEqual(headers);
    expect(rows.find((row) => row.channel === 'push')!.headers).toEqual({});
  });

  it('sends what is meant for a clinician who is away to their cover, and nothing to an inactive account', async () => {
    const team = await createCareTeam(db());
    const cover = await createUser(db(), team.clinic.id, 'clinician');
    await db().update(users).set({ awaySince: new Date(), coverClinicianId: cover.id }).where(eq(users.id, team.clinician.id));
    const result = await notify(db(), { userId: team.clinician.id, kind: 'alert-urgent', title: 'An alert', href: '/clinician/alerts', dedupeKey: key() });
    expect(result).toMatchObject({ status: 'created', recipientId: cover.id });
    const inactive = await createUser(db(), team.clinic.id, 'patient', { active: false });
    expect(await notify(db(), { userId: inactive.id, kind: 'reminder', title: 'A reminder', href: '/patient', dedupeKey: key() })).toEqual({ status: 'no-recipient' });
  });
});

describe('urgent alerts', () => {
  it('notify the clinician in the transaction that raises them; routine and 24-hour alerts do not', async () => {
    const team = await createCareTeam(db());
    await withDevice(team.clinician.id);
    await raiseAlert(db(), { episodeId: team.episode.id, reason: 'inactive', urgency: 'routine', message: 'Nothing logged.' });
    await raiseRedFlagAlert(db(), { episodeId: team.episode.id, urgency: '24h', positives: [], answers: {}, now: new Date() });
    expect(await db().select().from(notifications).where(eq(notifications.userId, team.clinician.id))).toHaveLength(0);
    // A more urgent red-flag answer raises the open alert's urgency: the clinician is told now.
    await raiseRedFlagAlert(db(), { episodeId: team.episode.id, urgency: 'emergency', positives: [], answers: {}, now: new Date() });
    await raiseAlert(db(), { episodeId: team.episode.id, reason: 'severe-pain', urgency: 'same-day', message: 'Pain of 8 or more out of 10 on 2 days in a row.' });
    const rows = await db().select().from(notifications).where(eq(notifications.userId, team.clinician.id));
    expect(rows.map((row) => row.kind)).toEqual(['alert-urgent', 'alert-urgent']);
    const alertRows = await db().select({ message: alerts.message }).from(alerts).where(eq(alerts.episodeId, team.episode.id));
    for (const row of rows) {
      expect(row.title).toBe(`You have an urgent alert to review at ${team.clinic.name}`);
      expect(row.href).toBe('/clinician/alerts');
      // No alert text, patient name or score reaches the title.
      for (const alert of alertRows) expect(row.title).not.toContain(alert.message);
      expect(row.title).not.toContain(team.patient.name);
      expect(row.title.replace(team.clinic.name, '')).not.toMatch(/\d/);
    }
    const deliveries = await db().select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, rows[0]!.id));
    expect(deliveries.map((row) => row.channel).sort()).toEqual(['email', 'push']);
  });
});

describe('a person’s own notifications', () => {
  it('are counted, listed and marked read by their owner only', async () => {
    const team = await createCareTeam(db());
    const other = await createUser(db(), team.clinic.id, 'patient');
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) {
      const result = await notify(db(), { userId: team.patient.id, kind: 'reminder', title: `Reminder ${n}`, href: '/patient', dedupeKey: key(), now: new Date(Date.now() - (3 - n) * 60_000) });
      if (result.status === 'created') ids.push(result.notificationId!);
    }
    const theirs = await notify(db(), { userId: other.id, kind: 'reminder', title: 'Someone else’s', href: '/patient', dedupeKey: key() });

    await signInAs(db(), team.patient.id);
    expect(await countMyUnreadNotifications()).toBe(3);
    const listed = await listMyNotifications();
    expect(listed.map((item) => item.title)).toEqual(['Reminder 2', 'Reminder 1', 'Reminder 0']);
    // Another person's notification is "not found" and stays unread.
    expect(await markMyNotificationRead(theirs.status === 'created' ? theirs.notificationId! : '')).toBe('not-found');
    expect(await markMyNotificationRead('not-an-id')).toBe('not-found');
    expect(await markMyNotificationRead(ids[0]!)).toBe('done');
    expect(await countMyUnreadNotifications()).toBe(2);
    expect(await markAllMyNotificationsRead()).toBe(2);
    expect(await countMyUnreadNotifications()).toBe(0);

    await signInAs(db(), other.id);
    expect(await countMyUnreadNotifications()).toBe(1);
    expect((await listMyNotifications()).map((item) => item.title)).toEqual(['Someone else’s']);
  });
});

describe('the manager’s delivery counts', () => {
  it('count their own clinic’s deliveries by channel and outcome, and nobody else sees them', async () => {
    const team = await createCareTeam(db());
    await withDevice(team.patient.id);
    const elsewhere = await createCareTeam(db());
    const made = [];
    for (let n = 0; n < 3; n++) made.push(await notify(db(), { userId: team.patient.id, kind: 'reminder', title: 'A reminder', href: '/patient', dedupeKey: key(), channels: ['email', 'push'] }));
    await notify(db(), { userId: elsewhere.patient.id, kind: 'reminder', title: 'A reminder', href: '/patient', dedupeKey: key(), channels: ['email'] });
    const ids = made.map((result) => (result.status === 'created' ? result.notificationId! : ''));
    await db().update(notificationDeliveries).set({ status: 'sent' }).where(and(eq(notificationDeliveries.notificationId, ids[0]!), eq(notificationDeliveries.channel, 'email')));
    await db().update(notificationDeliveries).set({ status: 'failed', attempts: 10, lastErrorCode: 'ECONNECTION' }).where(and(eq(notificationDeliveries.notificationId, ids[1]!), eq(notificationDeliveries.channel, 'email')));
    await db().update(notificationDeliveries).set({ attempts: 2 }).where(and(eq(notificationDeliveries.notificationId, ids[2]!), eq(notificationDeliveries.channel, 'email')));

    await signInAs(db(), team.manager.id);
    const counts = await getDeliveryCounts();
    expect(counts.channels).toEqual([
      { channel: 'email', sent: 1, retrying: 1, waiting: 0, failed: 1, retired: 0 },
      { channel: 'push', sent: 0, retrying: 0, waiting: 3, failed: 0, retired: 0 },
    ]);
    await signInAs(db(), team.clinician.id);
    await expect(getDeliveryCounts()).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
  });
});

describe('the morning summary setting', () => {
  it('is the clinician’s own to switch, audited, and refused to patients', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.clinician.id);
    expect(await getMyMorningDigest()).toBe(false);
    await setMyMorningDigest(true);
    expect(await getMyMorningDigest()).toBe(true);
    const [row] = await db().select({ on: users.morningDigest }).from(users).where(eq(users.id, team.clinician.id));
    expect(row!.on).toBe(true);
    const audited = await db().select().from(auditEvents).where(and(eq(auditEvents.actorId, team.clinician.id), eq(auditEvents.action, 'account.morning-digest-update')));
    expect(audited).toHaveLength(1);
    await signInAs(db(), team.patient.id);
    await expect(setMyMorningDigest(true)).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
  });
});
